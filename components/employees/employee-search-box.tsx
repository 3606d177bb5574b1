import { Search } from "lucide-react";
import { getTranslations } from "next-intl/server";

/** The shell header's search: a plain GET form, so it works before any script has loaded. */
export async function EmployeeSearchBox({
  defaultValue = "",
  id = "employee-search",
  landmark,
}: {
  defaultValue?: string;
  /** Distinct per box on one page (the header's and the employees page's). */
  id?: string;
  /** Name of the search landmark, when a page has a second one. */
  landmark?: string;
}) {
  const t = await getTranslations("employees");
  return (
    <form
      action="/employees"
      method="get"
      role="search"
      aria-label={landmark ?? t("searchLabel")}
      className="mr-auto flex items-center"
    >
      <label htmlFor={id} className="sr-only">
        {t("searchLabel")}
      </label>
      <div className="relative">
        <Search
          className="pointer-events-none absolute left-2 top-1/2 size-4 -translate-y-1/2 text-muted-foreground"
          aria-hidden
        />
        <input
          id={id}
          name="q"
          type="search"
          maxLength={64}
          defaultValue={defaultValue}
          placeholder={t("searchPlaceholder")}
          className="h-8 w-64 rounded-md border bg-background pl-8 pr-2 text-sm outline-none focus-visible:ring-2 focus-visible:ring-ring"
        />
      </div>
      <button type="submit" className="sr-only">
        {t("search")}
      </button>
    </form>
  );
}
