import { afterEach, describe, expect, it } from "vitest";
import { companyTimeZone } from "./company-time-zone";

describe("companyTimeZone", () => {
  const saved = process.env.COMPANY_TIME_ZONE;
  afterEach(() => {
    if (saved === undefined) delete process.env.COMPANY_TIME_ZONE;
    else process.env.COMPANY_TIME_ZONE = saved;
  });

  it("is COMPANY_TIME_ZONE, Asia/Shanghai when unset", () => {
    delete process.env.COMPANY_TIME_ZONE;
    expect(companyTimeZone()).toBe("Asia/Shanghai");
    process.env.COMPANY_TIME_ZONE = "Europe/Berlin";
    expect(companyTimeZone()).toBe("Europe/Berlin");
  });

  it("refuses a zone that is not IANA, naming the variable, instead of silently using another", () => {
    process.env.COMPANY_TIME_ZONE = "Mars/Olympus";
    expect(() => companyTimeZone()).toThrow(/COMPANY_TIME_ZONE: must be an IANA time zone/);
  });
});
