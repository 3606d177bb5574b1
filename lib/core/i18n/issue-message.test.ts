import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { loadMessages } from "@/i18n/load-messages";
import { endpointInputSchema } from "@/lib/callbacks/endpoint-input-schema";
import { callbackNetworkPolicySchema } from "@/lib/callbacks/network-policy-schema";
import { notificationPolicySchema } from "@/lib/notifications/policy-schema";
import { makePolicy } from "@/lib/notifications/rules/test-fixtures";
import { resolveConflictSchema } from "@/lib/conflicts/conflict-queue-schemas";
import { createTokenSchema } from "@/lib/tokens/create-token-schema";
import { notificationInputSchemaFor } from "@/lib/notifications/notification-input-schema";
import { saveMappingSchema } from "@/lib/org/org-mapping-schemas";
import {
  bulkHireSchema,
  bulkTerminateSchema,
  hireSchema,
} from "@/lib/sandbox/console/hr-simulation-schema";
import { syncSettingsSchema } from "@/lib/sync/sync-settings-schema";
import { issueMessage } from "./issue-message";
import { localizedSchema } from "./localized-schema";

const translators = {
  en: createTranslator({ locale: "en", messages: loadMessages("en"), namespace: "validation" }),
  "zh-CN": createTranslator({
    locale: "zh-CN",
    messages: loadMessages("zh-CN"),
    namespace: "validation",
  }),
};
type Locale = keyof typeof translators;
const say = (issue: z.core.$ZodIssue, locale: Locale) =>
  issueMessage(issue, locale, (key, values) => translators[locale](key as never, values as never));

/** The issues `schema` raises for `input`, by path. */
function issuesOf(schema: z.ZodType, input: unknown) {
  const result = schema.safeParse(input);
  if (result.success) throw new Error("expected the input to be refused");
  return new Map(result.error.issues.map((i) => [i.path.join("."), i]));
}

const hire = { kind: "hire", name: "", unitCode: "XH-HR", email: "not-an-email" };

describe("issueMessage", () => {
  it("says a schema's message in English as the schema (and the API) words it, and in Chinese", () => {
    const issues = issuesOf(hireSchema, hire);
    expect(say(issues.get("name")!, "en")).toBe("Name is required");
    expect(say(issues.get("name")!, "zh-CN")).toBe("此项必填");
    expect(say(issues.get("email")!, "en")).toBe("Enter a valid e-mail address");
    expect(say(issues.get("email")!, "zh-CN")).toBe("请输入有效的电子邮件地址");
  });

  it("phrases Chinese from the issue's code and limits", () => {
    expect(
      say(
        issuesOf(bulkHireSchema, { kind: "bulkHire", count: 0, unitCode: "X" }).get("count")!,
        "zh-CN",
      ),
    ).toBe("不能小于 1");
    expect(
      say(
        issuesOf(bulkHireSchema, { kind: "bulkHire", count: 1.5, unitCode: "X" }).get("count")!,
        "zh-CN",
      ),
    ).toBe("请输入整数");
    const long = issuesOf(z.object({ name: z.string().max(3) }), { name: "abcd" }).get("name")!;
    expect(say(long, "en")).toBe(long.message);
    expect(say(long, "zh-CN")).toBe("最多 3 个字符");
  });

  it("says a custom issue that names its message in both languages, with its values", () => {
    const issues = issuesOf(endpointInputSchema, {
      name: "n",
      url: "not a url",
      eventTypes: ["sync.completed"],
      headers: { "webhook-id": "x" },
    });
    expect(say(issues.get("url")!, "zh-CN")).toBe(
      "URL 不是有效的完整地址（例如 https://oa.example.com/hooks）",
    );
    expect(say(issues.get("headers.webhook-id")!, "zh-CN")).toBe(
      "“webhook-id”保留给 Standard Webhooks 签名请求头",
    );
    const body = issuesOf(notificationInputSchemaFor(4), {
      category: "c",
      recipients: { everyone: true },
      title: "t",
      body: "你好",
    }).get("body")!;
    expect(say(body, "zh-CN")).toBe("正文为 6 字节；IM 平台最多接受 4 字节（UTF-8）");
  });

  // Every keyed message: its English catalogue entry is exactly the schema's own wording.
  it.each<[string, z.ZodType, unknown]>([
    [
      "endpoint",
      endpointInputSchema,
      {
        name: "n",
        url: "x",
        eventTypes: ["sync.completed"],
        headers: { "bad name": "v", Host: "h", a: "x\n" },
      },
    ],
    [
      "network policy",
      callbackNetworkPolicySchema,
      { allowList: ["10.0.0.0/99", "1.2.3", "a.example.", "bad_host!"] },
    ],
    [
      "policy",
      notificationPolicySchema,
      {
        ...makePolicy(),
        quietAction: "deliver",
        channel: "text",
        fallbackChannel: "text",
        quietHours: {
          enabled: true,
          start: "22:00",
          end: "22:00",
          weekdays: [1, 1],
          timeZone: "Mars/Olympus",
        },
      },
    ],
    [
      "quiet weekdays",
      notificationPolicySchema,
      {
        ...makePolicy(),
        quietHours: { enabled: true, start: "22:00", end: "08:00", weekdays: [], timeZone: null },
      },
    ],
    ["conflicts", resolveConflictSchema, { conflictId: "c", resolution: "IGNORE" }],
    [
      "tokens",
      createTokenSchema,
      { name: "t", scopes: ["events:write"], expiresInDays: null, ipAllowList: ["nope"] },
    ],
    ["bulk terminate", bulkTerminateSchema, { kind: "bulkTerminate", employeeNos: ["E1", "E1"] }],
    [
      "mapping",
      saveMappingSchema,
      {
        connectionId: "c",
        orgUnitId: "o",
        mode: "LINK",
        includeDescendants: false,
        namingTemplate: "{nmae}",
      },
    ],
    ["sync settings", syncSettingsSchema, { schedule: "nope", timeZone: "Mars/Olympus" }],
  ])("%s: keyed messages read in English exactly as the schema's", (_name, schema, input) => {
    const result = schema.safeParse(input);
    expect(result.success).toBe(false);
    const keyed = result.error!.issues.filter((i) => i.code === "custom" && i.params?.i18n);
    expect(keyed.length).toBeGreaterThan(0);
    for (const issue of keyed) {
      expect(say(issue, "en")).toBe(issue.message);
      expect(say(issue, "zh-CN")).not.toBe(issue.message);
      expect(say(issue, "zh-CN")).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});

describe("localizedSchema", () => {
  it("throws the schema's issues with the reader's messages, and parses valid input unchanged", async () => {
    const zh = localizedSchema(hireSchema, (i) => say(i, "zh-CN"));
    await expect(zh.parseAsync(hire)).rejects.toMatchObject({
      issues: expect.arrayContaining([
        expect.objectContaining({ path: ["name"], message: "此项必填" }),
      ]),
    });
    const en = localizedSchema(hireSchema, (i) => say(i, "en"));
    expect(() => en.parse(hire)).toThrow(/Name is required/);
    expect(en.parse({ ...hire, name: " 王五 ", email: "" })).toEqual(
      hireSchema.parse({ ...hire, name: " 王五 ", email: "" }),
    );
  });
});
