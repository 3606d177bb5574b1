"use client";
import { useMutation } from "@tanstack/react-query";
import { FlaskConical } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import { useMemo, useState } from "react";
import { simulateDeliveryAction } from "@/app/actions/notifications";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Form } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { instantToLocalDateTime } from "@/lib/core/time/instant-to-local-date-time";
import { localDateTimeToInstant } from "@/lib/core/time/local-date-time-to-instant";
import type { SimulateDeliveryInput } from "@/lib/notifications/console-schemas";
import type { EmployeeOption } from "@/lib/notifications/queries/search-employees";
import type { SimulationResult } from "@/lib/notifications/queries/simulate-delivery";
import { isValidTimeZone } from "@/lib/core/time/is-valid-time-zone";
import { EmployeePicker } from "./employee-picker";
import { FormField, selectClass } from "@/components/ui/form-field";
import { TimeZoneOptions } from "./time-zone-options";

const ACTION_VARIANT = { send: "success", defer: "warning", suppress: "destructive" } as const;

/** "What happens if I send this now / at 23:30?" — answered by the sender's own rule on the server. */
export function DeliverySimulator({
  categoryKey,
  companyTimeZone,
}: {
  categoryKey: string;
  companyTimeZone: string;
}) {
  const t = useTranslations("notifications.simulator");
  const tReason = useTranslations("notify.decision");
  const format = useFormatter();
  const [target, setTarget] = useState<"employee" | "zone">("employee");
  const [employee, setEmployee] = useState<EmployeeOption | null>(null);
  const [zone, setZone] = useState(companyTimeZone);
  const [preference, setPreference] = useState<"none" | "in" | "out">("none");
  const [sentToday, setSentToday] = useState("0");
  const [sendAt, setSendAt] = useState(() => instantToLocalDateTime(new Date(), companyTimeZone));
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});

  const readZone = target === "employee" ? (employee?.timeZone ?? null) : zone.trim();
  const zoneOk = !!readZone && isValidTimeZone(readZone);
  const sendInstant = useMemo(() => {
    if (!zoneOk || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(sendAt)) return null;
    return localDateTimeToInstant(sendAt, readZone, "earliest");
  }, [sendAt, readZone, zoneOk]);

  const simulate = useMutation({
    mutationFn: async (input: SimulateDeliveryInput) => {
      const result = await simulateDeliveryAction(input);
      if (!result.ok) {
        setFieldErrors(result.error.fieldErrors ?? {});
        throw new Error(result.error.message);
      }
      setFieldErrors({});
      return result.data;
    },
  });

  const run = (e: React.FormEvent) => {
    e.preventDefault();
    if (target === "employee") {
      if (!employee) {
        setFieldErrors({ employeeNo: t("pickEmployee") });
        return;
      }
      simulate.mutate({ categoryKey, target, employeeNo: employee.employeeNo, sendAt });
    } else {
      simulate.mutate({
        categoryKey,
        target,
        timeZone: zone.trim(),
        preference,
        sentToday: Number(sentToday || 0),
        sendAt,
      });
    }
  };

  const when = (iso: string, timeZone: string) =>
    format.dateTime(new Date(iso), { timeZone, dateStyle: "medium", timeStyle: "short" });
  const result: SimulationResult | undefined = simulate.data;

  return (
    <Card>
      <CardHeader>
        <CardTitle className="flex items-center gap-2">
          <FlaskConical className="size-4" aria-hidden />
          {t("title")}
        </CardTitle>
        <CardDescription>{t("hint")}</CardDescription>
      </CardHeader>
      <CardContent>
        <Form onSubmit={run} aria-label={t("title")} className="flex flex-col gap-3" noValidate>
          <fieldset className="flex gap-4 text-sm">
            <legend className="sr-only">{t("target")}</legend>
            {(["employee", "zone"] as const).map((k) => (
              <label key={k} className="flex items-center gap-1.5">
                <input
                  type="radio"
                  name="sim-target"
                  checked={target === k}
                  onChange={() => {
                    setTarget(k);
                    simulate.reset();
                  }}
                />
                {t(`targets.${k}`)}
              </label>
            ))}
          </fieldset>
          {target === "employee" ? (
            <>
              <EmployeePicker
                label={t("employee")}
                value={employee}
                onChange={(e) => {
                  setEmployee(e);
                  simulate.reset();
                }}
                invalid={!!fieldErrors.employeeNo}
              />
              {fieldErrors.employeeNo ? (
                <p className="text-xs text-destructive">{fieldErrors.employeeNo}</p>
              ) : null}
            </>
          ) : (
            <div className="grid gap-3 sm:grid-cols-3">
              <FormField
                id="sim-zone"
                label={t("zone")}
                error={fieldErrors.timeZone ?? (zone && !zoneOk ? t("badZone") : undefined)}
                className="flex flex-col gap-1.5 sm:col-span-3"
              >
                <Input
                  id="sim-zone"
                  list="sim-zones"
                  value={zone}
                  onChange={(e) => setZone(e.target.value)}
                  aria-invalid={!!zone && !zoneOk}
                />
                <TimeZoneOptions id="sim-zones" />
              </FormField>
              <FormField
                id="sim-pref"
                label={t("preference")}
                className="flex flex-col gap-1.5 sm:col-span-2"
              >
                <select
                  id="sim-pref"
                  className={selectClass}
                  value={preference}
                  onChange={(e) => setPreference(e.target.value as typeof preference)}
                >
                  {(["none", "in", "out"] as const).map((p) => (
                    <option key={p} value={p}>
                      {t(`preferences.${p}`)}
                    </option>
                  ))}
                </select>
              </FormField>
              <FormField id="sim-sent-today" label={t("sentToday")} error={fieldErrors.sentToday}>
                <Input
                  id="sim-sent-today"
                  type="number"
                  min={0}
                  value={sentToday}
                  onChange={(e) => setSentToday(e.target.value)}
                />
              </FormField>
            </div>
          )}
          <FormField
            id="sim-send-at"
            label={t("sendAt")}
            error={fieldErrors.sendAt}
            hint={
              sendInstant && readZone
                ? t("sendAtMeans", {
                    zone: readZone,
                    utc: format.dateTime(sendInstant, {
                      timeZone: "UTC",
                      dateStyle: "medium",
                      timeStyle: "short",
                    }),
                  })
                : t("sendAtHint")
            }
          >
            <Input
              id="sim-send-at"
              type="datetime-local"
              value={sendAt}
              onChange={(e) => setSendAt(e.target.value)}
              aria-describedby="sim-send-at-hint"
            />
          </FormField>
          <div>
            <Button type="submit" variant="outline" disabled={simulate.isPending}>
              {simulate.isPending ? t("running") : t("run")}
            </Button>
          </div>
        </Form>
        <div aria-live="polite" className="mt-4">
          {simulate.isError && !Object.keys(fieldErrors).length ? (
            <p className="text-sm text-destructive" role="alert">
              {simulate.error.message}
            </p>
          ) : null}
          {result ? (
            <div
              className="flex flex-col gap-2 rounded-md border p-3 text-sm"
              data-testid="simulation-result"
            >
              <div className="flex flex-wrap items-center gap-2">
                <Badge variant={ACTION_VARIANT[result.action]}>
                  {t(`actions.${result.action}`)}
                </Badge>
                {result.deliverAt ? (
                  <span className="font-medium">
                    {t("deliveredAt", {
                      local: when(result.deliverAt, result.timeZone),
                      zone: result.timeZone,
                      utc: when(result.deliverAt, "UTC"),
                    })}
                  </span>
                ) : (
                  <span className="font-medium">{t("notDelivered")}</span>
                )}
              </div>
              <p>{tReason(result.explained.key, result.explained.values)}</p>
              <p className="text-xs text-muted-foreground">
                {t("inputs", {
                  who: result.employee
                    ? `${result.employee.name} (${result.employee.employeeNo})`
                    : t("anyone"),
                  preference: t(
                    `preferences.${result.optedIn == null ? "none" : result.optedIn ? "in" : "out"}`,
                  ),
                  sentToday: result.sentToday,
                  version: result.policyVersion,
                })}
              </p>
            </div>
          ) : null}
        </div>
      </CardContent>
    </Card>
  );
}
