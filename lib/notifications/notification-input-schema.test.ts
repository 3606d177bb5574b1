import { describe, expect, it } from "vitest";
import { defaultCategoryInput, categoryInputSchema } from "./category-input-schema";
import {
  notificationInputSchema,
  notificationInputSchemaFor,
  utf8Bytes,
} from "./notification-input-schema";

const valid = {
  category: "system-change",
  recipients: { employeeNos: ["XH000001"] },
  title: "维护通知",
  body: "今晚停机",
};
const fieldOf = (input: unknown, schema = notificationInputSchema) => {
  const r = schema.safeParse(input);
  return r.success ? null : r.error.issues[0].path.join(".");
};

describe("notificationInputSchema", () => {
  it("accepts a minimal notification and defaults includeDescendants", () => {
    const r = notificationInputSchema.parse({
      ...valid,
      recipients: { orgUnits: [{ code: "XH-RD" }] },
      link: "https://oa.example/n/1",
    });
    expect(r.recipients.orgUnits).toEqual([{ code: "XH-RD", includeDescendants: true }]);
    expect(r.link).toBe("https://oa.example/n/1");
    expect(notificationInputSchema.parse({ ...valid, link: "" }).link).toBeUndefined();
  });

  const bad: [string, unknown, string][] = [
    ["missing category", { ...valid, category: undefined }, "category"],
    ["empty category", { ...valid, category: "  " }, "category"],
    ["no recipients at all", { ...valid, recipients: undefined }, "recipients"],
    ["empty recipients", { ...valid, recipients: {} }, "recipients"],
    [
      "everyone false and nothing else",
      { ...valid, recipients: { everyone: false, employeeNos: [] } },
      "recipients",
    ],
    [
      "employeeNos not a list",
      { ...valid, recipients: { employeeNos: "XH1" } },
      "recipients.employeeNos",
    ],
    [
      "org unit without code",
      { ...valid, recipients: { orgUnits: [{ includeDescendants: true }] } },
      "recipients.orgUnits.0.code",
    ],
    ["empty title", { ...valid, title: "" }, "title"],
    ["title too long", { ...valid, title: "x".repeat(129) }, "title"],
    ["empty body", { ...valid, body: " " }, "body"],
    ["body over 2048 UTF-8 bytes", { ...valid, body: "通".repeat(683) }, "body"],
    ["link not http(s)", { ...valid, link: "ftp://x.example/a" }, "link"],
  ];
  it.each(bad)("%s → error on %s", (_name, input, field) => {
    expect(fieldOf(input)).toBe(field);
  });

  it("counts the body in UTF-8 bytes against the platform's limit", () => {
    expect(utf8Bytes("通".repeat(682))).toBe(2_046);
    expect(fieldOf({ ...valid, body: "通".repeat(682) })).toBeNull();
    expect(
      fieldOf({ ...valid, body: "a".repeat(4_000) }, notificationInputSchemaFor(5_000)),
    ).toBeNull();
    const r = notificationInputSchema.safeParse({ ...valid, body: "a".repeat(2_049) });
    expect(r.success ? "" : r.error.issues[0].message).toBe(
      "Body is 2049 bytes; the IM platform accepts at most 2048 bytes (UTF-8)",
    );
  });
});

describe("categoryInputSchema", () => {
  it("the form's defaults are valid once key and names are filled in", () => {
    expect(
      categoryInputSchema.safeParse({
        ...defaultCategoryInput,
        key: "payslip",
        nameZh: "工资条",
        nameEn: "Payslip",
      }).success,
    ).toBe(true);
    expect(categoryInputSchema.safeParse(defaultCategoryInput).success).toBe(false);
  });
});
