import type { SandboxDb } from "../shared/create-sandbox-db";
import { serializeEmployee, serializeUnit } from "./serialize-hr-records";

export type ListHrRecordsQuery = {
  /** 1-based page (page mode). */
  page?: number;
  size: number;
  /** Opaque keyset cursor (cursor mode; stable while records change). */
  cursor?: string;
  /** ISO time: only records updated at or after it. */
  updatedSince?: Date;
};

export type ListHrRecordsResult<T> = { items: T[]; next: string | null; total?: number };

type Cursor = { at: string; key: string };
const encode = (c: Cursor) => Buffer.from(JSON.stringify([c.at, c.key])).toString("base64url");
function decode(raw: string): Cursor {
  const [at, key] = JSON.parse(Buffer.from(raw, "base64url").toString("utf8")) as [string, string];
  if (typeof at !== "string" || typeof key !== "string" || Number.isNaN(Date.parse(at)))
    throw new Error("bad cursor");
  return { at, key };
}

/**
 * Page mode (`page` given): offset paging, `next` = the next page number.
 * Cursor mode: ordered by (updatedAt, key); `next` = a cursor after the last row, so rows changed mid-scan are not skipped.
 */
async function list<Row extends { updatedAt: Date }, T>(
  q: ListHrRecordsQuery,
  keyField: "code" | "employeeNo",
  key: (r: Row) => string,
  find: (args: { where: object; orderBy: object[]; skip?: number; take: number }) => Promise<Row[]>,
  count: (where: object) => Promise<number>,
  serialize: (r: Row) => T,
): Promise<ListHrRecordsResult<T>> {
  const since = q.updatedSince ? { updatedAt: { gte: q.updatedSince } } : {};
  if (q.page !== undefined) {
    const orderBy = q.updatedSince
      ? [{ updatedAt: "asc" }, { [keyField]: "asc" }]
      : [{ [keyField]: "asc" }];
    const rows = await find({
      where: since,
      orderBy,
      skip: (q.page - 1) * q.size,
      take: q.size + 1,
    });
    return {
      items: rows.slice(0, q.size).map(serialize),
      next: rows.length > q.size ? String(q.page + 1) : null,
      total: await count(since),
    };
  }
  const c = q.cursor ? decode(q.cursor) : undefined;
  // (updatedAt, key) > (at, key) written so the (updatedAt, key) index serves it in order: a range from
  // `at`, less the rows of that instant up to the cursor's key.
  const after = c
    ? {
        updatedAt: { gte: new Date(c.at) },
        NOT: { updatedAt: new Date(c.at), [keyField]: { lte: c.key } },
      }
    : {};
  const rows = await find({
    where: { AND: [since, after] },
    orderBy: [{ updatedAt: "asc" }, { [keyField]: "asc" }],
    take: q.size + 1,
  });
  const page = rows.slice(0, q.size);
  const last = page[page.length - 1];
  return {
    items: page.map(serialize),
    next:
      rows.length > q.size && last
        ? encode({ at: last.updatedAt.toISOString(), key: key(last) })
        : null,
  };
}

export function listDepartmentsPage(db: SandboxDb, q: ListHrRecordsQuery) {
  return list(
    q,
    "code",
    (r) => r.code,
    (a) => db.sandboxHrUnit.findMany(a as never),
    (where) => db.sandboxHrUnit.count({ where }),
    serializeUnit,
  );
}

export function listEmployeesPage(db: SandboxDb, q: ListHrRecordsQuery) {
  return list(
    q,
    "employeeNo",
    (r) => r.employeeNo,
    (a) => db.sandboxHrEmployee.findMany(a as never),
    (where) => db.sandboxHrEmployee.count({ where }),
    serializeEmployee,
  );
}
