"use client";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";

/** Switches the IM target whose mappings the page shows. */
export function OrgTargetPicker({
  targets,
  value,
}: {
  targets: { id: string; name: string }[];
  value: string;
}) {
  const t = useTranslations("org");
  const router = useRouter();
  return (
    <label className="flex items-center gap-2 text-sm font-medium">
      {t("target")}
      <select
        className="h-9 rounded-md border bg-card px-2 text-sm"
        value={value}
        onChange={(e) => router.push(`/org?connection=${encodeURIComponent(e.target.value)}`)}
      >
        {targets.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
          </option>
        ))}
      </select>
    </label>
  );
}
