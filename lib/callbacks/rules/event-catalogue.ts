import { z } from "zod";

const employeeNo = z
  .string({ error: "employeeNo (工号) is required" })
  .trim()
  .min(1, "employeeNo (工号) is required")
  .max(64, "employeeNo must be at most 64 characters");
const id = (field: string) =>
  z
    .string({ error: `${field} is required` })
    .trim()
    .min(1, `${field} is required`)
    .max(128, `${field} must be at most 128 characters`);
const instant = (field: string) =>
  z.iso.datetime({
    offset: true,
    error: `${field} must be an ISO 8601 date-time with offset, e.g. 2026-07-01T08:00:00+08:00`,
  });
const name = (field: string) =>
  z
    .string({ error: `${field} must be text` })
    .trim()
    .min(1)
    .max(200, `${field} must be at most 200 characters`);
const score = (field: string) =>
  z.number({ error: `${field} must be a number` }).min(0, `${field} must be at least 0`);

const examPassed = z
  .object({
    employeeNo,
    examId: id("examId"),
    courseId: id("courseId").optional(),
    score: score("score"),
    /** Top of the scale; 100 unless the exam says otherwise. */
    maxScore: z
      .number({ error: "maxScore must be a number" })
      .positive("maxScore must be positive")
      .default(100),
    passingScore: score("passingScore").optional(),
    attempt: z
      .int("attempt must be a whole number")
      .min(1, "attempt must be at least 1")
      .optional(),
    passedAt: instant("passedAt"),
  })
  .superRefine((d, ctx) => {
    if (d.score > d.maxScore)
      ctx.addIssue({
        code: "custom",
        path: ["score"],
        message: `score must not exceed maxScore (${d.maxScore})`,
      });
    if (d.passingScore !== undefined && d.score < d.passingScore) {
      ctx.addIssue({
        code: "custom",
        path: ["score"],
        message: `score ${d.score} is below passingScore ${d.passingScore}: not a pass`,
      });
    }
  });

const certificateIssued = z
  .object({
    employeeNo,
    certificateId: id("certificateId"),
    certificateName: name("certificateName").optional(),
    courseId: id("courseId").optional(),
    issuedAt: instant("issuedAt"),
    expiresAt: instant("expiresAt").optional(),
    url: z.url({ protocol: /^https?$/, error: "url must be an http(s) URL" }).optional(),
  })
  .superRefine((d, ctx) => {
    if (d.expiresAt && Date.parse(d.expiresAt) <= Date.parse(d.issuedAt)) {
      ctx.addIssue({
        code: "custom",
        path: ["expiresAt"],
        message: "expiresAt must be after issuedAt",
      });
    }
  });

const fieldChange = z.object({ from: z.unknown(), to: z.unknown() });
const syncCount = (field: string) =>
  z.int(`counts.${field} must be a whole number`).min(0, `counts.${field} must be at least 0`);

/**
 * Who may emit an event type: `api` — other systems through POST /api/v1/events (the training
 * system's learning events); `internal` — only OrgBridge itself (provisioning, HR changes, sync,
 * conflicts, notifications, console tests), because subscribers act on them as facts.
 */
export type EventEmitter = "api" | "internal";

/**
 * Every event type OrgBridge emits as a data callback, with the schema of its `data`.
 * Subscribers pick types from this list; the console shows the descriptions.
 */
export const eventCatalogue = {
  "learning.course.completed": {
    emitter: "api",
    descriptionEn: "An employee completed a training course.",
    descriptionZh: "员工完成了一门培训课程。",
    data: z.object({
      employeeNo,
      courseId: id("courseId"),
      courseName: name("courseName").optional(),
      completedAt: instant("completedAt"),
      durationMinutes: z
        .int("durationMinutes must be a whole number")
        .min(0, "durationMinutes must be at least 0")
        .optional(),
      score: score("score").max(100, "score must be at most 100").optional(),
    }),
  },
  "learning.exam.passed": {
    emitter: "api",
    descriptionEn: "An employee passed an exam.",
    descriptionZh: "员工通过了一场考试。",
    data: examPassed,
  },
  "learning.certificate.issued": {
    emitter: "api",
    descriptionEn: "A certificate was issued to an employee.",
    descriptionZh: "员工获得了证书。",
    data: certificateIssued,
  },
  "employee.provisioned": {
    emitter: "internal",
    descriptionEn: "An IM account was created for an employee.",
    descriptionZh: "已为员工开通 IM 账号。",
    data: z.object({
      employeeNo,
      imUserId: id("imUserId"),
      provider: id("provider"),
      orgUnitCode: id("orgUnitCode").optional(),
      provisionedAt: instant("provisionedAt"),
    }),
  },
  "employee.deprovisioned": {
    emitter: "internal",
    descriptionEn: "An employee's IM account was disabled or removed.",
    descriptionZh: "员工的 IM 账号已停用或删除。",
    data: z.object({
      employeeNo,
      imUserId: id("imUserId").optional(),
      provider: id("provider"),
      reason: z.enum(["terminated", "on_leave", "manual", "conflict"], {
        error: "reason must be one of terminated, on_leave, manual, conflict",
      }),
      deprovisionedAt: instant("deprovisionedAt"),
    }),
  },
  "employee.changed": {
    emitter: "internal",
    descriptionEn: "An employee's HR record changed (name, org unit, title, status…).",
    descriptionZh: "员工的人事信息发生变更（姓名、部门、职位、状态等）。",
    data: z.object({
      employeeNo,
      changes: z
        .record(z.string().min(1), fieldChange, {
          error: "changes must map field names to {from, to}",
        })
        .refine((c) => Object.keys(c).length > 0, "changes must name at least one field"),
      changedAt: instant("changedAt"),
    }),
  },
  "sync.completed": {
    emitter: "internal",
    descriptionEn: "A sync run finished.",
    descriptionZh: "一次同步运行已结束。",
    data: z
      .object({
        syncRunId: id("syncRunId"),
        mode: z.enum(["full", "incremental", "reconcile", "dry_run"], {
          error: "mode must be one of full, incremental, reconcile, dry_run",
        }),
        status: z.enum(["succeeded", "partial", "failed"], {
          error: "status must be one of succeeded, partial, failed",
        }),
        counts: z.object({
          created: syncCount("created"),
          updated: syncCount("updated"),
          moved: syncCount("moved"),
          disabled: syncCount("disabled"),
          conflicts: syncCount("conflicts"),
          errors: syncCount("errors"),
        }),
        startedAt: instant("startedAt"),
        finishedAt: instant("finishedAt"),
      })
      .superRefine((d, ctx) => {
        if (Date.parse(d.finishedAt) < Date.parse(d.startedAt)) {
          ctx.addIssue({
            code: "custom",
            path: ["finishedAt"],
            message: "finishedAt must not be before startedAt",
          });
        }
      }),
  },
  "conflict.opened": {
    emitter: "internal",
    descriptionEn: "Sync found something it cannot decide alone.",
    descriptionZh: "同步发现了无法自动处理的冲突。",
    data: z.object({
      conflictId: id("conflictId"),
      kind: id("kind"),
      subject: name("subject"),
      employeeNo: employeeNo.optional(),
      openedAt: instant("openedAt"),
    }),
  },
  "conflict.resolved": {
    emitter: "internal",
    descriptionEn: "A conflict was resolved or ignored.",
    descriptionZh: "冲突已解决或被忽略。",
    data: z.object({
      conflictId: id("conflictId"),
      kind: id("kind"),
      resolution: z.enum(["keep_hr", "keep_im", "custom", "ignored"], {
        error: "resolution must be one of keep_hr, keep_im, custom, ignored",
      }),
      resolvedBy: id("resolvedBy"),
      resolvedAt: instant("resolvedAt"),
    }),
  },
  "notification.delivered": {
    emitter: "internal",
    descriptionEn: "A notification reached an employee's IM.",
    descriptionZh: "通知已送达员工的 IM。",
    data: z.object({
      notificationId: id("notificationId"),
      deliveryId: id("deliveryId"),
      employeeNo,
      categoryKey: id("categoryKey"),
      channel: z.enum(["text", "markdown", "card"], {
        error: "channel must be one of text, markdown, card",
      }),
      deliveredAt: instant("deliveredAt"),
    }),
  },
  "notification.read": {
    emitter: "internal",
    descriptionEn: "An employee read a notification (where the IM platform reports it).",
    descriptionZh: "员工已读通知（若 IM 平台提供已读回执）。",
    data: z.object({
      notificationId: id("notificationId"),
      employeeNo,
      readAt: instant("readAt"),
    }),
  },
  "webhook.test": {
    emitter: "internal",
    descriptionEn:
      "A test event sent from the console to check an endpoint (delivered only to that endpoint).",
    descriptionZh: "从控制台发出的测试事件，用于检查端点（只投递给该端点）。",
    data: z.object({
      endpointId: id("endpointId"),
      message: z.string().max(500, "message must be at most 500 characters"),
      sentBy: id("sentBy"),
      sentAt: instant("sentAt"),
    }),
  },
} as const satisfies Record<
  string,
  { emitter: EventEmitter; descriptionEn: string; descriptionZh: string; data: z.ZodType }
>;

export type CallbackEventType = keyof typeof eventCatalogue;

export const callbackEventTypes = Object.keys(eventCatalogue) as CallbackEventType[];

/** The types POST /api/v1/events accepts. */
export const apiEventTypes = callbackEventTypes.filter((t) => eventCatalogue[t].emitter === "api");

/** The validated `data` of an event type. */
export type CallbackEventData<T extends CallbackEventType> = z.output<
  (typeof eventCatalogue)[T]["data"]
>;

/** A validated event, discriminated by `type`. */
export type CallbackEvent = {
  [T in CallbackEventType]: { id: string; type: T; timestamp: string; data: CallbackEventData<T> };
}[CallbackEventType];
