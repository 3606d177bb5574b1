import { describe, expect, it } from "vitest";
import { apiEventTypes, callbackEventTypes, eventCatalogue } from "./event-catalogue";
import { parseEvent } from "./parse-event";

const at = "2026-07-01T08:00:00+08:00";
const valid: Record<string, Record<string, unknown>> = {
  "learning.course.completed": {
    employeeNo: "E1001",
    courseId: "C-42",
    courseName: "信息安全",
    completedAt: at,
    durationMinutes: 90,
    score: 96,
  },
  "learning.exam.passed": {
    employeeNo: "E1001",
    examId: "X-1",
    score: 88,
    passingScore: 60,
    passedAt: at,
  },
  "learning.certificate.issued": {
    employeeNo: "E1001",
    certificateId: "CERT-9",
    issuedAt: at,
    expiresAt: "2028-07-01T00:00:00Z",
  },
  "employee.provisioned": {
    employeeNo: "E1001",
    imUserId: "zhangsan",
    provider: "wecom",
    orgUnitCode: "D-10",
    provisionedAt: at,
  },
  "employee.deprovisioned": {
    employeeNo: "E1001",
    provider: "wecom",
    reason: "terminated",
    deprovisionedAt: at,
  },
  "employee.changed": {
    employeeNo: "E1001",
    changes: { title: { from: "工程师", to: "高级工程师" } },
    changedAt: at,
  },
  "sync.completed": {
    syncRunId: "run_1",
    mode: "incremental",
    status: "succeeded",
    counts: { created: 1, updated: 2, moved: 0, disabled: 0, conflicts: 0, errors: 0 },
    startedAt: "2026-07-01T00:00:00Z",
    finishedAt: "2026-07-01T00:05:00Z",
  },
  "conflict.opened": {
    conflictId: "cf_1",
    kind: "duplicate_email",
    subject: "E1001 / E1002 share an email",
    openedAt: at,
  },
  "conflict.resolved": {
    conflictId: "cf_1",
    kind: "duplicate_email",
    resolution: "keep_hr",
    resolvedBy: "it-admin@example.com",
    resolvedAt: at,
  },
  "notification.delivered": {
    notificationId: "n_1",
    deliveryId: "d_1",
    employeeNo: "E1001",
    categoryKey: "payslip-ready",
    channel: "text",
    deliveredAt: at,
  },
  "notification.read": { notificationId: "n_1", employeeNo: "E1001", readAt: at },
  "webhook.test": {
    endpointId: "ep_1",
    message: "Hello from OrgBridge",
    sentBy: "u_1",
    sentAt: at,
  },
};

describe("event catalogue", () => {
  it("has the expected event types, each with a sample here", () => {
    expect(callbackEventTypes).toHaveLength(12);
    expect(Object.keys(valid).sort()).toEqual([...callbackEventTypes].sort());
    for (const type of callbackEventTypes) {
      expect(eventCatalogue[type].descriptionZh).toBeTruthy();
      expect(eventCatalogue[type].descriptionEn).toBeTruthy();
    }
  });

  it.each(Object.entries(valid))("accepts a valid %s", (type, data) => {
    const result = parseEvent({ id: "evt_1", type, timestamp: at, data });
    expect(result.success ? [] : result.error.issues).toEqual([]);
  });

  it("defaults the timestamp and applies defaults", () => {
    const result = parseEvent(
      { id: "evt_1", type: "learning.exam.passed", data: valid["learning.exam.passed"] },
      new Date("2026-07-01T00:00:00Z"),
    );
    expect(result.success && result.event).toMatchObject({
      timestamp: "2026-07-01T00:00:00.000Z",
      data: { maxScore: 100 },
    });
  });
});

describe("parseEvent refuses with a 422 naming the field", () => {
  const exam = valid["learning.exam.passed"];
  // prettier-ignore
  it.each<[string, Record<string, unknown>, string, RegExp]>([
    ["no id", { type: "notification.read", data: valid["notification.read"] }, "id", /id is required/],
    ["blank id", { id: " ", type: "notification.read", data: valid["notification.read"] }, "id", /id is required/],
    ["id with spaces", { id: "evt 1", type: "notification.read", data: valid["notification.read"] }, "id", /letters, digits/],
    ["no type", { id: "e", data: {} }, "type", /type is required/],
    ["unknown type", { id: "e", type: "learning.course.started", data: {} }, "type", /type "learning.course.started" is unknown; expected one of learning.course.completed/],
    ["bad timestamp", { id: "e", type: "notification.read", timestamp: "yesterday", data: valid["notification.read"] }, "timestamp", /ISO 8601/],
    ["data not an object", { id: "e", type: "notification.read", data: "x" }, "data", /data must be an object/],
    ["missing employeeNo", { id: "e", type: "learning.exam.passed", data: { ...exam, employeeNo: undefined } }, "data.employeeNo", /employeeNo \(工号\) is required/],
    ["score as string", { id: "e", type: "learning.exam.passed", data: { ...exam, score: "88" } }, "data.score", /score must be a number/],
    ["negative score", { id: "e", type: "learning.exam.passed", data: { ...exam, score: -1 } }, "data.score", /at least 0/],
    ["score over max", { id: "e", type: "learning.exam.passed", data: { ...exam, score: 101 } }, "data.score", /must not exceed maxScore \(100\)/],
    ["score below pass", { id: "e", type: "learning.exam.passed", data: { ...exam, score: 50 } }, "data.score", /below passingScore 60/],
    ["passedAt without offset", { id: "e", type: "learning.exam.passed", data: { ...exam, passedAt: "2026-07-01 08:00" } }, "data.passedAt", /passedAt must be an ISO 8601/],
    ["course score 101", { id: "e", type: "learning.course.completed", data: { ...valid["learning.course.completed"], score: 101 } }, "data.score", /at most 100/],
    ["certificate expires before issue", { id: "e", type: "learning.certificate.issued", data: { ...valid["learning.certificate.issued"], expiresAt: "2020-01-01T00:00:00Z" } }, "data.expiresAt", /after issuedAt/],
    ["deprovision reason unknown", { id: "e", type: "employee.deprovisioned", data: { ...valid["employee.deprovisioned"], reason: "fired" } }, "data.reason", /reason must be one of/],
    ["no changes", { id: "e", type: "employee.changed", data: { ...valid["employee.changed"], changes: {} } }, "data.changes", /at least one field/],
    ["sync count negative", { id: "e", type: "sync.completed", data: { ...valid["sync.completed"], counts: { ...(valid["sync.completed"].counts as object), errors: -1 } } }, "data.counts.errors", /counts.errors must be at least 0/],
    ["sync finished before start", { id: "e", type: "sync.completed", data: { ...valid["sync.completed"], finishedAt: "2026-06-30T00:00:00Z" } }, "data.finishedAt", /not be before startedAt/],
    ["resolution unknown", { id: "e", type: "conflict.resolved", data: { ...valid["conflict.resolved"], resolution: "merge" } }, "data.resolution", /keep_hr, keep_im, custom, ignored/],
    ["channel unknown", { id: "e", type: "notification.delivered", data: { ...valid["notification.delivered"], channel: "sms" } }, "data.channel", /channel must be one of/],
  ])("%s", (_name, input, path, message) => {
    const result = parseEvent(input);
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.error).toMatchObject({ status: 422, code: "invalid_event" });
    const issue = result.error.issues.find((i) => i.path === path);
    expect(issue, JSON.stringify(result.error.issues)).toBeDefined();
    expect(issue!.message).toMatch(message);
    expect(result.error.message).toContain(result.error.issues[0].path);
  });

  it("reports every issue, not just the first", () => {
    const result = parseEvent({ id: "e", type: "learning.exam.passed", data: { score: "x" } });
    expect(!result.success && result.error.issues.map((i) => i.path).sort()).toEqual([
      "data.employeeNo",
      "data.examId",
      "data.passedAt",
      "data.score",
    ]);
  });

  it("copes with nothing at all", () => {
    const result = parseEvent(undefined as never);
    expect(!result.success && result.error.issues.map((i) => i.path)).toEqual([
      "id",
      "type",
      "data",
    ]);
  });
});

describe("API callers may only emit API-emittable types", () => {
  it("marks the learning events as API-emittable and everything OrgBridge reports as internal", () => {
    expect([...apiEventTypes].sort()).toEqual([
      "learning.certificate.issued",
      "learning.course.completed",
      "learning.exam.passed",
    ]);
    for (const type of callbackEventTypes)
      expect(["api", "internal"]).toContain(eventCatalogue[type].emitter);
  });

  it.each(callbackEventTypes.filter((t) => eventCatalogue[t].emitter === "internal"))(
    "refuses %s from the API on `type`, and still accepts it from OrgBridge",
    (type) => {
      const input = { id: "evt_1", type, timestamp: at, data: valid[type] };
      const fromApi = parseEvent(input, new Date(), "api");
      expect(!fromApi.success && fromApi.error.issues).toEqual([
        { path: "type", message: expect.stringMatching(/emitted by OrgBridge itself/) },
      ]);
      expect(parseEvent(input, new Date(), "internal").success).toBe(true);
    },
  );

  it.each(apiEventTypes)("accepts %s from the API", (type) => {
    expect(
      parseEvent({ id: "e", type, timestamp: at, data: valid[type] }, new Date(), "api"),
    ).toMatchObject({
      success: true,
    });
  });
});
