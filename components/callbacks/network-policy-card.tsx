"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import { z } from "zod";
import { setAutoDisableHoursAction, setNetworkPolicyAction } from "@/app/actions/callbacks";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Form } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import {
  callbackAutoDisableSchema,
  callbackNetworkPolicySchema,
} from "@/lib/callbacks/network-policy-schema";
import { useLocalizedSchema } from "@/components/ui/use-localized-schema";

const splitList = (text: string) => text.split(/[\s,]+/).filter(Boolean);

// The allow-list is edited as text; the entries are checked by the server's own schema.
const formSchema = callbackNetworkPolicySchema.extend({
  allowList: z.string().superRefine((text, ctx) => {
    const parsed = callbackNetworkPolicySchema.shape.allowList.safeParse(splitList(text));
    const first = parsed.error?.issues[0];
    if (first)
      ctx.addIssue({
        code: "custom",
        message: first.message,
        params: first.code === "custom" ? first.params : undefined,
      });
  }),
  hours: callbackAutoDisableSchema.shape.hours,
});
type FormInput = z.input<typeof formSchema>;

/** The SSRF allow-list, the http:// switch and the auto-disable period, for IT admins. */
export function NetworkPolicyCard({
  allowList,
  allowHttp,
  hours,
}: {
  allowList: string[];
  allowHttp: boolean;
  hours: number;
}) {
  const t = useTranslations("callbacks.policy");
  const form = useForm<FormInput, unknown, z.output<typeof formSchema>>({
    resolver: zodResolver(useLocalizedSchema(formSchema)),
    defaultValues: { allowList: allowList.join("\n"), allowHttp, hours },
  });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    const policy = await setNetworkPolicyAction({
      allowList: splitList(values.allowList),
      allowHttp: values.allowHttp,
    });
    if (!policy.ok) {
      const message = Object.values(policy.error.fieldErrors ?? {})[0] ?? policy.error.message;
      form.setError("allowList", { message });
      toast.error(message);
      return;
    }
    const autoDisable = await setAutoDisableHoursAction({ hours: values.hours });
    if (!autoDisable.ok) {
      form.setError("hours", {
        message: autoDisable.error.fieldErrors?.hours ?? autoDisable.error.message,
      });
      toast.error(autoDisable.error.message);
      return;
    }
    form.reset({
      allowList: policy.data.allowList.join("\n"),
      allowHttp: policy.data.allowHttp,
      hours: autoDisable.data.hours,
    });
    toast.success(t("saved"));
  });

  return (
    <Card>
      <CardHeader>
        <CardTitle>{t("title")}</CardTitle>
        <CardDescription>{t("hint")}</CardDescription>
      </CardHeader>
      <CardContent>
        <Form onSubmit={onSubmit} noValidate className="grid gap-4 md:grid-cols-2">
          <div className="flex flex-col gap-1.5 md:row-span-3">
            <label htmlFor="policy-allow-list" className="text-sm font-medium">
              {t("allowList")}
            </label>
            <textarea
              id="policy-allow-list"
              rows={5}
              className="rounded-md border bg-card px-3 py-2 font-mono text-xs focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring aria-invalid:border-destructive"
              aria-invalid={!!errors.allowList || undefined}
              aria-describedby="policy-allow-list-help"
              placeholder={"oa.internal\n10.20.0.0/16"}
              {...form.register("allowList")}
            />
            <p
              id="policy-allow-list-help"
              className={
                errors.allowList ? "text-xs text-destructive" : "text-xs text-muted-foreground"
              }
            >
              {errors.allowList?.message ?? t("allowListHint")}
            </p>
          </div>
          <label className="flex items-start gap-2 text-sm">
            <input type="checkbox" className="mt-1" {...form.register("allowHttp")} />
            <span>
              <span className="font-medium">{t("allowHttp")}</span>
              <span className="block text-xs text-muted-foreground">{t("allowHttpHint")}</span>
            </span>
          </label>
          <div className="flex flex-col gap-1.5">
            <label htmlFor="policy-hours" className="text-sm font-medium">
              {t("autoDisable")}
            </label>
            <Input
              id="policy-hours"
              type="number"
              min={1}
              max={720}
              className="w-32"
              aria-invalid={!!errors.hours || undefined}
              aria-describedby="policy-hours-help"
              {...form.register("hours", { valueAsNumber: true })}
            />
            <p
              id="policy-hours-help"
              className={
                errors.hours ? "text-xs text-destructive" : "text-xs text-muted-foreground"
              }
            >
              {errors.hours?.message ?? t("autoDisableHint")}
            </p>
          </div>
          <div>
            <Button type="submit" variant="outline" disabled={isSubmitting}>
              {isSubmitting ? t("saving") : t("save")}
            </Button>
          </div>
        </Form>
      </CardContent>
    </Card>
  );
}
