import { describe, expect, it } from "vitest";
import { loadMessages } from "@/i18n/load-messages";

const en = loadMessages("en");
const zh = loadMessages("zh-CN");

function keys(obj: object, prefix = ""): string[] {
  return Object.entries(obj).flatMap(([k, v]) =>
    v && typeof v === "object" ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}

describe("messages", () => {
  it("zh-CN and en have exactly the same keys", () => {
    expect(keys(zh).sort()).toEqual(keys(en).sort());
  });

  it("no message is empty", () => {
    for (const messages of [en, zh]) {
      for (const key of keys(messages)) {
        const value = key
          .split(".")
          .reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], messages);
        expect(value, key).toMatch(/\S/);
      }
    }
  });
});
