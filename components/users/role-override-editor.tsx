"use client";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { setRoleOverrideAction } from "@/app/actions/users";
import { Button } from "@/components/ui/button";
import { ROLES, type Role } from "@/lib/core/auth/permissions";

export function RoleOverrideEditor({
  userId,
  name,
  current,
  overrideSet,
}: {
  userId: string;
  name: string;
  current: Role[];
  overrideSet: boolean;
}) {
  const t = useTranslations("users");
  const [roles, setRoles] = useState<Role[]>(current);
  const [pending, start] = useTransition();
  const save = (next: Role[] | null) =>
    start(async () => {
      const result = await setRoleOverrideAction({ userId, roles: next });
      if (result.ok)
        toast.success(next ? t("overrideSaved", { name }) : t("overrideCleared", { name }));
      else toast.error(result.error.message);
    });
  return (
    <fieldset className="flex flex-wrap items-center gap-3" disabled={pending}>
      <legend className="sr-only">{t("rolesFor", { name })}</legend>
      {ROLES.map((r) => (
        <label key={r} className="flex items-center gap-1 text-xs">
          <input
            type="checkbox"
            checked={roles.includes(r)}
            onChange={(e) =>
              setRoles(e.target.checked ? [...roles, r] : roles.filter((x) => x !== r))
            }
          />
          {t(`roles.${r}`)}
        </label>
      ))}
      <Button size="sm" variant="outline" onClick={() => save(roles)}>
        {t("saveOverride")}
      </Button>
      {overrideSet ? (
        <Button size="sm" variant="ghost" onClick={() => save(null)}>
          {t("clearOverride")}
        </Button>
      ) : null}
    </fieldset>
  );
}
