/** ISO weekdays as a short list in the UI's language, "Mon–Fri" style runs collapsed. */
export function weekdaysLabel(
  weekdays: number[],
  names: (day: number) => string,
  everyDay: string,
): string {
  const days = [...new Set(weekdays)].sort((a, b) => a - b);
  if (days.length === 7) return everyDay;
  const runs: string[] = [];
  for (let i = 0; i < days.length;) {
    let j = i;
    while (j + 1 < days.length && days[j + 1] === days[j] + 1) j++;
    runs.push(
      j - i >= 2
        ? `${names(days[i])}–${names(days[j])}`
        : days
            .slice(i, j + 1)
            .map(names)
            .join(", "),
    );
    i = j + 1;
  }
  return runs.join(", ");
}
