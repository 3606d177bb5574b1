/** The NotificationCategory columns a policy is stored in (a plain mirror of the Prisma model). */
export type CategoryRow = {
  /** Stable slug. */
  key: string;
  /** Chinese name. */
  nameZh: string;
  /** English name. */
  nameEn: string;
  /** Chinese description, null when empty. */
  descriptionZh: string | null;
  /** English description, null when empty. */
  descriptionEn: string | null;
  /** Ignores opt-outs. */
  mandatory: boolean;
  /** May bypass quiet hours (with quietAction DELIVER). */
  urgent: boolean;
  /** Optional categories: on without a stored preference. */
  defaultOptIn: boolean;
  /** Quiet hours on. */
  quietEnabled: boolean;
  /** "HH:mm" or null when never set. */
  quietStart: string | null;
  /** "HH:mm" or null when never set. */
  quietEnd: string | null;
  /** ISO weekdays the window starts on. */
  quietWeekdays: number[];
  /** IANA zone, null = employee's own. */
  quietTimeZone: string | null;
  /** Prisma enum QuietHoursAction. */
  quietAction: "DEFER" | "DELIVER";
  /** text | markdown | card. */
  channel: string;
  /** text | markdown | card, or null. */
  fallbackChannel: string | null;
  /** Daily limit or null. */
  throttlePerDay: number | null;
  /** defer | drop. */
  throttleAction: string;
};
