/** Deliveries per send step: 50 platform calls' worth, between 500 and 10 000 (steps stay short; 100k recipients stay under ~200 steps). */
export function sendChunkSize(maxPerCall: number): number {
  return Math.min(10_000, Math.max(500, maxPerCall * 50));
}
