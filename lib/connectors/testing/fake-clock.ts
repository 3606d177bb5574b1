import type { Clock } from "../core/clock";

/** Virtual time: sleep() advances the clock at once, so tests never wait and never race the wall clock. */
export function createFakeClock(
  start = 1_700_000_000_000,
): Clock & { sleeps: number[]; advance: (ms: number) => void } {
  let now = start;
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => now,
    sleep: async (ms) => {
      sleeps.push(ms);
      now += Math.max(0, ms);
    },
    advance: (ms) => {
      now += ms;
    },
  };
}
