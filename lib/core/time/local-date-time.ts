/** A local calendar date and clock time, as a wall clock in some zone shows it. */
export type LocalDateTime = {
  /** Full year. */
  year: number;
  /** Month 1–12. */
  month: number;
  /** Day of month; may overflow the month (normalised like Date.UTC does). */
  day: number;
  /** Hour 0–23. */
  hour: number;
  /** Minute 0–59. */
  minute: number;
};
