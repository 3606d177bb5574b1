import { useTranslations } from "next-intl";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { FormField, textareaClass } from "@/components/ui/form-field";
import type { CategorySectionProps } from "./category-form-types";

/** Key and names; the key is fixed once the category exists. */
export function CategoryIdentityFields({
  form,
  err,
  aria,
  existing,
}: CategorySectionProps & { existing: boolean }) {
  const t = useTranslations("notifications.form");
  return (
    <Card>
      <CardHeader>
        <CardTitle>{t("identity")}</CardTitle>
      </CardHeader>
      <CardContent className="grid gap-4 md:grid-cols-2">
        <FormField
          id="cat-key"
          label={t("key")}
          error={err("key")}
          hint={existing ? t("keyLocked") : t("keyHint")}
        >
          <Input
            id="cat-key"
            {...aria("cat-key", "key")}
            readOnly={!!existing}
            className="font-mono"
            placeholder="payslip-ready"
            {...form.register("key")}
          />
        </FormField>
        <div className="hidden md:block" />
        <FormField id="cat-name-zh" label={t("nameZh")} error={err("nameZh")}>
          <Input
            id="cat-name-zh"
            lang="zh-CN"
            {...aria("cat-name-zh", "nameZh")}
            {...form.register("nameZh")}
          />
        </FormField>
        <FormField id="cat-name-en" label={t("nameEn")} error={err("nameEn")}>
          <Input
            id="cat-name-en"
            lang="en"
            {...aria("cat-name-en", "nameEn")}
            {...form.register("nameEn")}
          />
        </FormField>
        <FormField
          id="cat-desc-zh"
          label={t("descriptionZh")}
          error={err("descriptionZh")}
          hint={t("descriptionHint")}
        >
          <textarea
            id="cat-desc-zh"
            lang="zh-CN"
            className={textareaClass}
            {...aria("cat-desc-zh", "descriptionZh")}
            {...form.register("descriptionZh")}
          />
        </FormField>
        <FormField id="cat-desc-en" label={t("descriptionEn")} error={err("descriptionEn")}>
          <textarea
            id="cat-desc-en"
            lang="en"
            className={textareaClass}
            {...aria("cat-desc-en", "descriptionEn")}
            {...form.register("descriptionEn")}
          />
        </FormField>
      </CardContent>
    </Card>
  );
}
