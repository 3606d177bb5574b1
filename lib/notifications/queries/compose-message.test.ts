import { describe, expect, it } from "vitest";
import { composeMessage } from "./compose-message";
import { sendChunkSize } from "../rules/send-chunk-size";

const base = {
  to: ["u1", "u2"],
  title: "系统维护",
  body: "今晚 22:00 停机。",
  idempotencyKey: "n1:d1:text",
};

describe("composeMessage", () => {
  it("puts title, body and link into plain text", () => {
    expect(composeMessage({ ...base, format: "text", link: "https://oa.example/x" })).toEqual({
      to: ["u1", "u2"],
      format: "text",
      text: "系统维护\n\n今晚 22:00 停机。\n\nhttps://oa.example/x",
      idempotencyKey: "n1:d1:text",
    });
  });
  it("leaves out a missing link", () => {
    expect(composeMessage({ ...base, format: "text", link: null }).text).toBe(
      "系统维护\n\n今晚 22:00 停机。",
    );
  });
  it.each(["markdown", "card"] as const)("%s carries title and link separately", (format) => {
    expect(composeMessage({ ...base, format, link: "https://oa.example/x" })).toEqual({
      to: ["u1", "u2"],
      format,
      title: "系统维护",
      text: "今晚 22:00 停机。",
      url: "https://oa.example/x",
      idempotencyKey: "n1:d1:text",
    });
    expect(composeMessage({ ...base, format, link: null })).not.toHaveProperty("url");
  });
});

describe("sendChunkSize", () => {
  it.each([
    [1, 500], // Feishu / Slack: one recipient per call
    [100, 5_000], // DingTalk
    [600, 10_000], // Agora, capped
    [1_000, 10_000], // WeCom
  ])("max %i per call → %i per step", (maxPerCall, size) => {
    expect(sendChunkSize(maxPerCall)).toBe(size);
  });
});
