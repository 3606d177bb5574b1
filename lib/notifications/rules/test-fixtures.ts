import type { NotificationPolicy } from "../policy-schema";

/** A valid optional policy with quiet hours off; tests override what they exercise. */
export function makePolicy(overrides: Partial<NotificationPolicy> = {}): NotificationPolicy {
  return {
    key: "review-reminder",
    nameZh: "考核提醒",
    nameEn: "Review reminder",
    descriptionZh: "提醒填写考核表",
    descriptionEn: "Reminds employees to fill in their review",
    mandatory: false,
    urgent: false,
    defaultOptIn: true,
    quietHours: {
      enabled: false,
      start: "22:00",
      end: "08:00",
      weekdays: [1, 2, 3, 4, 5, 6, 7],
      timeZone: null,
    },
    quietAction: "defer",
    channel: "text",
    fallbackChannel: null,
    throttlePerDay: null,
    throttleAction: "defer",
    ...overrides,
  };
}

/** Quiet hours 22:00–08:00 every day, on each employee's own clock. */
export const nightlyQuiet = {
  enabled: true,
  start: "22:00",
  end: "08:00",
  weekdays: [1, 2, 3, 4, 5, 6, 7],
  timeZone: null,
} satisfies NotificationPolicy["quietHours"];
