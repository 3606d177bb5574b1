"use client";
import { useMemo } from "react";

/** A <datalist> of the IANA zones the browser knows, for time-zone inputs (typing any name still works). */
export function TimeZoneOptions({ id }: { id: string }) {
  const zones = useMemo(() => {
    try {
      return Intl.supportedValuesOf("timeZone");
    } catch {
      return [
        "Asia/Shanghai",
        "Asia/Singapore",
        "Asia/Tokyo",
        "Europe/London",
        "Europe/Berlin",
        "America/New_York",
        "America/Los_Angeles",
        "UTC",
      ];
    }
  }, []);
  return (
    <datalist id={id}>
      {zones.map((z) => (
        <option key={z} value={z} />
      ))}
    </datalist>
  );
}
