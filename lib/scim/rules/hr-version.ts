/**
 * The version an HR record pushed over SCIM carries: the write's time in ms, then the resource
 * version's last three digits. Newer writes of one record (serialised by its row lock) always get
 * a larger number, also across a DELETE and a re-create with the same employee number, whose
 * resource version starts again at 1. Stays below 2^53 until the year 2255.
 */
export function hrVersion(resourceVersion: number, now: Date): number {
  return now.getTime() * 1000 + (resourceVersion % 1000);
}
