import { describe, expect, it } from "vitest";
import type { PrivacyCapability } from "@/lib/connectors/types";
import { privacyOutcome } from "./privacy-outcome";

const WECOM: PrivacyCapability = { hideMobile: "omit", hideEmail: "omit", seniorMode: false };
const DINGTALK: PrivacyCapability = { hideMobile: "flag", hideEmail: "omit", seniorMode: true };
const FEISHU: PrivacyCapability = { hideMobile: "none", hideEmail: "omit", seniorMode: false };

describe("privacyOutcome", () => {
  const ask = (m: boolean, e: boolean, s: boolean) => ({
    hideMobile: m,
    hideEmail: e,
    seniorMode: s,
  });
  it.each([
    [
      "WeCom withholds a hidden mobile",
      ask(true, false, false),
      WECOM,
      ["withheld", "shown", "off"],
    ],
    [
      "WeCom cannot do senior mode",
      ask(false, true, true),
      WECOM,
      ["shown", "withheld", "not_honoured"],
    ],
    [
      "DingTalk protects the mobile itself",
      ask(true, true, true),
      DINGTALK,
      ["protected", "withheld", "on"],
    ],
    [
      "Feishu cannot hide the mobile",
      ask(true, false, false),
      FEISHU,
      ["not_honoured", "shown", "off"],
    ],
  ] as const)("%s", (_, a, cap, [mobile, email, seniorMode]) => {
    expect(privacyOutcome(a, cap)).toEqual({ mobile, email, seniorMode });
  });
});
