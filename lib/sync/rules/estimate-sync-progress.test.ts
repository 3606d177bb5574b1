import { describe, expect, it } from "vitest";
import { appendProgressSample } from "./append-progress-sample";
import { estimateSyncProgress } from "./estimate-sync-progress";

const s = (seconds: number, done: number) => ({ at: seconds * 1000, done });

describe("estimateSyncProgress", () => {
  it.each([
    ["nothing planned yet", 0, [s(0, 0)], { percent: 0, perSecond: null, etaSeconds: null }],
    [
      "one sample: no rate yet",
      1000,
      [s(0, 100)],
      { percent: 10, perSecond: null, etaSeconds: null },
    ],
    ["no samples", 1000, [], { percent: 0, perSecond: null, etaSeconds: null }],
    [
      "rate between oldest and newest sample",
      1000,
      [s(10, 100), s(12, 150), s(20, 300)],
      { percent: 30, perSecond: 20, etaSeconds: 35 },
    ],
    [
      "nothing applied yet: still measuring, not stalled",
      1000,
      [s(0, 0), s(10, 0)],
      { percent: 0, perSecond: null, etaSeconds: null },
    ],
    [
      "stalled: rate 0, ETA unknown",
      1000,
      [s(0, 400), s(10, 400)],
      { percent: 40, perSecond: 0, etaSeconds: null },
    ],
    ["done: ETA 0", 500, [s(0, 400), s(5, 500)], { percent: 100, perSecond: null, etaSeconds: 0 }],
    [
      "more done than planned stays at 100 %",
      10,
      [s(0, 12)],
      { percent: 100, perSecond: null, etaSeconds: 0 },
    ],
    [
      "a partial second rounds the ETA up",
      1000,
      [s(0, 0), s(3, 10)],
      { percent: 1, perSecond: 10 / 3, etaSeconds: 297 },
    ],
    [
      "two samples at one instant: no rate",
      1000,
      [s(5, 10), s(5, 20)],
      { percent: 2, perSecond: null, etaSeconds: null },
    ],
  ])("%s", (_, planned, samples, expected) =>
    expect(estimateSyncProgress(planned, samples)).toEqual(expected),
  );

  it("percent floors, so 100 % means done", () =>
    expect(estimateSyncProgress(1000, [s(0, 999)]).percent).toBe(99));
});

describe("appendProgressSample", () => {
  it("keeps samples within the window and adds the new one", () => {
    expect(appendProgressSample([s(0, 0), s(20, 10), s(40, 30)], s(50, 40), 30_000)).toEqual([
      s(20, 10),
      s(40, 30),
      s(50, 40),
    ]);
  });

  it("a lower count than the last (a retried run) starts the window again", () =>
    expect(appendProgressSample([s(0, 50), s(2, 80)], s(4, 10), 30_000)).toEqual([s(4, 10)]));

  it("a repeated poll at the same instant replaces the last sample", () =>
    expect(appendProgressSample([s(0, 0), s(2, 5)], s(2, 7), 30_000)).toEqual([s(0, 0), s(2, 7)]));

  it("a sample older than the last (out-of-order answer) starts again rather than going backwards", () =>
    expect(appendProgressSample([s(10, 5)], s(8, 5), 30_000)).toEqual([s(8, 5)]));

  it("the first sample is the window", () =>
    expect(appendProgressSample([], s(1, 1), 30_000)).toEqual([s(1, 1)]));
});
