"use client";
import { useLocale, useTranslations } from "next-intl";
import {
  callbackEventTypes,
  eventCatalogue,
  type CallbackEventType,
} from "@/lib/callbacks/rules/event-catalogue";

// webhook.test goes to the one endpoint it is sent to, subscribed or not: nothing to pick.
const PICKABLE = callbackEventTypes.filter((type) => type !== "webhook.test");
const DOMAINS = [...new Set(PICKABLE.map((type) => type.split(".")[0]))];

/** Event types from the typed catalogue, grouped by domain, with their description in the UI language. */
export function EventTypePicker({
  value,
  onChange,
  invalid,
  describedBy,
}: {
  value: string[];
  onChange: (types: string[]) => void;
  invalid?: boolean;
  describedBy?: string;
}) {
  const t = useTranslations("callbacks");
  const zh = useLocale() === "zh-CN";
  const toggle = (types: readonly string[], on: boolean) =>
    onChange(on ? [...new Set([...value, ...types])] : value.filter((v) => !types.includes(v)));
  return (
    <div
      className="grid gap-3 sm:grid-cols-2"
      aria-invalid={invalid || undefined}
      aria-describedby={describedBy}
    >
      {DOMAINS.map((domain) => {
        const types = PICKABLE.filter((type) => type.startsWith(`${domain}.`));
        const all = types.every((type) => value.includes(type));
        const label = t(`domains.${domain}` as "domains.learning");
        return (
          <fieldset key={domain} className="rounded-md border p-3">
            <legend className="px-1 text-sm font-medium">{label}</legend>
            <label className="mb-2 flex items-center gap-2 text-xs text-muted-foreground">
              <input
                type="checkbox"
                checked={all}
                onChange={(e) => toggle(types, e.target.checked)}
              />
              {t("form.selectAll", { domain: label })}
            </label>
            <ul className="flex flex-col gap-2">
              {types.map((type: CallbackEventType) => (
                <li key={type}>
                  <label className="flex items-start gap-2 text-sm">
                    <input
                      type="checkbox"
                      className="mt-1"
                      checked={value.includes(type)}
                      onChange={(e) => toggle([type], e.target.checked)}
                    />
                    <span>
                      <code className="text-xs">{type}</code>
                      <span className="block text-xs text-muted-foreground">
                        {zh
                          ? eventCatalogue[type].descriptionZh
                          : eventCatalogue[type].descriptionEn}
                      </span>
                    </span>
                  </label>
                </li>
              ))}
            </ul>
          </fieldset>
        );
      })}
    </div>
  );
}
