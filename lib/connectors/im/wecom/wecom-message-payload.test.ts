import { describe, expect, it } from "vitest";
import { wecomMessagePayload } from "./create-wecom-target";

describe("wecomMessagePayload", () => {
  it.each([
    [{ format: "text" as const, text: "hi" }, "text"],
    [{ format: "markdown" as const, text: "**hi**", title: "T" }, "markdown"],
    [{ format: "card" as const, text: "d", title: "T", url: "https://x" }, "textcard"],
    // textcard needs a url: without one the card degrades to markdown
    [{ format: "card" as const, text: "d", title: "T" }, "markdown"],
  ])("%j → msgtype %s", (message, msgtype) => {
    expect(wecomMessagePayload({ to: ["a"], ...message }).payload.msgtype).toBe(msgtype);
  });

  it("cuts text at 2048 bytes and says so", () => {
    const { payload, truncated } = wecomMessagePayload({
      to: ["a"],
      format: "text",
      text: "字".repeat(700),
    });
    expect(Buffer.byteLength((payload.text as { content: string }).content)).toBeLessThanOrEqual(
      2_048,
    );
    expect(truncated).toBe(true);
  });
});
