/** Counts events per key in a sliding window; `tryTake` admits one more only while under `limit`. */
export function createSlidingWindow(limit: number, windowMs: number, now: () => number = Date.now) {
  const events = new Map<string, number[]>();
  return {
    tryTake(key: string): boolean {
      const t = now();
      const list = events.get(key) ?? [];
      let drop = 0;
      while (drop < list.length && list[drop] <= t - windowMs) drop++;
      if (drop) list.splice(0, drop);
      if (list.length >= limit) {
        events.set(key, list);
        return false;
      }
      list.push(t);
      events.set(key, list);
      return true;
    },
    reset() {
      events.clear();
    },
  };
}

/** A promise-chain mutex: `run` calls never overlap. */
export function createMutex() {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(fn: () => Promise<T>): Promise<T> => {
    const result = tail.then(fn, fn);
    tail = result.catch(() => {});
    return result;
  };
}
