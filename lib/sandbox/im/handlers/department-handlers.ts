import { fail, WC } from "../wecom-codes";
import type { WecomHandler, WecomHandlerContext } from "./handler-context";

const MAX_DEPTH = 15;
const MAX_DEPARTMENTS = 30_000;
const ILLEGAL_NAME = /[\\:*?"<>|]/;

function checkName(name: unknown, field = "name"): string {
  if (typeof name !== "string" || name.length < 1 || [...name].length > 64)
    fail(WC.DEPT_NAME_LENGTH, `invalid department ${field} length`);
  if (ILLEGAL_NAME.test(name))
    fail(WC.DEPT_NAME_CHARS, `department ${field} contains illegal characters`);
  return name;
}

/** Level of a department, root = 1, walking parents. */
async function levelOf(ctx: WecomHandlerContext, id: number): Promise<number> {
  let level = 0;
  for (let cur: number | undefined = id; cur; level++) {
    const d: { parentId: number } | null = await ctx.db.sandboxImDepartment.findUnique({
      where: { id: cur },
      select: { parentId: true },
    });
    if (!d || level > MAX_DEPTH + 1) break;
    cur = d.parentId;
  }
  return level;
}

/** Height of the subtree under `id` (a leaf = 1). */
async function heightOf(ctx: WecomHandlerContext, id: number): Promise<number> {
  const rows = await ctx.db.$queryRaw<{ h: number }[]>`
    WITH RECURSIVE t(id, h) AS (SELECT ${id}::int, 1 UNION ALL SELECT d.id, t.h + 1 FROM "SandboxImDepartment" d JOIN t ON d."parentId" = t.id WHERE t.h < 64)
    SELECT max(h)::int AS h FROM t`;
  return rows[0]?.h ?? 1;
}

async function descendantIds(ctx: WecomHandlerContext, id: number): Promise<number[]> {
  const rows = await ctx.db.$queryRaw<{ id: number }[]>`
    WITH RECURSIVE t(id) AS (SELECT ${id}::int UNION SELECT d.id FROM "SandboxImDepartment" d JOIN t ON d."parentId" = t.id)
    SELECT id FROM t`;
  return rows.map((r) => r.id);
}

async function assertSiblingNameFree(
  ctx: WecomHandlerContext,
  parentId: number,
  name: string,
  selfId?: number,
) {
  const clash = await ctx.db.sandboxImDepartment.findFirst({
    where: { parentId, name, NOT: selfId ? { id: selfId } : undefined },
  });
  if (clash) fail(WC.DEPT_EXISTS, "department existed");
}

const toJson = (d: {
  id: number;
  name: string;
  nameEn: string | null;
  parentId: number;
  order: number;
}) => ({
  id: d.id,
  name: d.name,
  name_en: d.nameEn ?? "",
  department_leader: [],
  parentid: d.parentId,
  order: d.order,
});

/**
 * What a create checks, read in one round trip: the parent's level (0 = no such parent), a sibling of that
 * name, the id range. With `write.insert`, the same statement inserts the department when every check
 * passes below the count limit (`inserted` = its id); callers run under the create mutex.
 */
async function createChecks(
  ctx: WecomHandlerContext,
  parentId: number,
  name: string,
  id: number | null,
  write: { insert: boolean; nameEn: string | null; order: number },
) {
  const [row] = await ctx.db.$queryRaw<
    {
      level: number | null;
      clash: boolean;
      max_id: number | null;
      id_taken: boolean;
      inserted: number | null;
    }[]
  >`
    WITH RECURSIVE up(id, parent, level) AS (
      SELECT id, "parentId", 1 FROM "SandboxImDepartment" WHERE id = ${parentId}::int
      UNION ALL SELECT d.id, d."parentId", up.level + 1 FROM "SandboxImDepartment" d JOIN up ON d.id = up.parent WHERE up.level <= ${MAX_DEPTH + 1}
    ), c AS (
      SELECT (SELECT max(level) FROM up)::int AS level,
             EXISTS (SELECT 1 FROM "SandboxImDepartment" WHERE "parentId" = ${parentId}::int AND name = ${name}) AS clash,
             (SELECT max(id) FROM "SandboxImDepartment")::int AS max_id,
             (${id}::int IS NOT NULL AND EXISTS (SELECT 1 FROM "SandboxImDepartment" WHERE id = ${id}::int)) AS id_taken
    ), ins AS (
      INSERT INTO "SandboxImDepartment" (id, name, "nameEn", "parentId", "order", "createdAt", "updatedAt")
      SELECT coalesce(${id}::int, coalesce(c.max_id, 1) + 1), ${name}, ${write.nameEn}::text, ${parentId}::int, ${write.order}::int,
             now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC'
      FROM c
      WHERE ${write.insert} AND c.level >= 1 AND c.level + 1 <= ${MAX_DEPTH} AND NOT c.clash AND NOT c.id_taken
        AND coalesce(c.max_id, 1) < ${MAX_DEPARTMENTS}
      RETURNING id
    )
    SELECT c.*, (SELECT id FROM ins) AS inserted FROM c`;
  return {
    level: row?.level ?? 0,
    clash: !!row?.clash,
    maxId: row?.max_id ?? 1,
    idTaken: !!row?.id_taken,
    inserted: row?.inserted ?? undefined,
  };
}

export const createDepartment: WecomHandler = (ctx) =>
  ctx.exclusive(async () => {
    const b = ctx.body;
    const name = checkName(b.name);
    if (b.name_en !== undefined) checkName(b.name_en, "name_en");
    const parentId = Number(b.parentid);
    const explicitId = b.id === undefined ? undefined : Number(b.id);
    const validId =
      explicitId !== undefined && Number.isInteger(explicitId) && explicitId >= 2
        ? explicitId
        : null;
    // The common case in one round trip: the checks pass and the row goes in. Otherwise nothing was written
    // and the same checks say which rule the create breaks.
    const explicitOk = explicitId === undefined || validId !== null;
    const checks = parentId
      ? await createChecks(ctx, parentId, name, validId, {
          insert: explicitOk,
          nameEn: typeof b.name_en === "string" && b.name_en ? b.name_en : null,
          order: Number(b.order ?? 0),
        })
      : undefined;
    if (checks?.inserted !== undefined) return { id: checks.inserted };
    if (!checks?.level) fail(WC.PARENT_NOT_FOUND, "parent department not found");
    if (checks.level + 1 > MAX_DEPTH) fail(WC.DEPT_DEPTH, "department depth exceeds 15 levels");
    if (checks.clash) fail(WC.DEPT_EXISTS, "department existed");
    // Ids are unique integers ≥ 1, so there are at most max(id) departments: count only near the limit.
    if (
      checks.maxId >= MAX_DEPARTMENTS &&
      (await ctx.db.sandboxImDepartment.count()) >= MAX_DEPARTMENTS
    )
      fail(WC.DEPT_LIMIT, "department count exceeds limit");
    let id = explicitId;
    if (id !== undefined) {
      if (validId === null) fail(WC.DEPT_NOT_FOUND, "invalid department id");
      if (checks.idTaken) fail(WC.DEPT_EXISTS, "department id existed");
    } else {
      id = checks.maxId + 1;
    }
    await ctx.db.sandboxImDepartment.create({
      data: { id, name, nameEn: b.name_en || null, parentId, order: Number(b.order ?? 0) },
    });
    return { id };
  });

export const updateDepartment: WecomHandler = (ctx) =>
  ctx.exclusive(async () => {
    const b = ctx.body;
    const id = Number(b.id);
    const dept = await ctx.db.sandboxImDepartment.findUnique({ where: { id } });
    if (!dept) fail(WC.DEPT_NOT_FOUND, "department not found");
    const name = b.name === undefined ? dept.name : checkName(b.name);
    if (b.name_en !== undefined && b.name_en !== "") checkName(b.name_en, "name_en");
    const parentId = b.parentid === undefined ? dept.parentId : Number(b.parentid);
    if (parentId !== dept.parentId) {
      if (id === 1) fail(WC.DEPT_CYCLE, "root department cannot be moved");
      if (!(await ctx.db.sandboxImDepartment.findUnique({ where: { id: parentId } })))
        fail(WC.PARENT_NOT_FOUND, "parent department not found");
      if ((await descendantIds(ctx, id)).includes(parentId))
        fail(WC.DEPT_CYCLE, "department cycle");
      if ((await levelOf(ctx, parentId)) + (await heightOf(ctx, id)) > MAX_DEPTH)
        fail(WC.DEPT_DEPTH, "department depth exceeds 15 levels");
    }
    if (name !== dept.name || parentId !== dept.parentId)
      await assertSiblingNameFree(ctx, parentId, name, id);
    await ctx.db.sandboxImDepartment.update({
      where: { id },
      data: {
        name,
        nameEn: b.name_en === undefined ? undefined : b.name_en || null,
        parentId,
        order: b.order === undefined ? undefined : Number(b.order),
      },
    });
    return {};
  });

export const deleteDepartment: WecomHandler = (ctx) =>
  ctx.exclusive(async () => {
    const id = Number(ctx.query.get("id"));
    if (id === 1) fail(WC.DEPT_ROOT, "root department cannot be deleted");
    if (!id || !(await ctx.db.sandboxImDepartment.findUnique({ where: { id } })))
      fail(WC.DEPT_NOT_FOUND, "department not found");
    if ((await ctx.db.sandboxImUser.count({ where: { departments: { has: id } } })) > 0)
      fail(WC.DEPT_HAS_MEMBERS, "department contains user");
    if ((await ctx.db.sandboxImDepartment.count({ where: { parentId: id } })) > 0)
      fail(WC.DEPT_HAS_CHILDREN, "department contains sub-department");
    await ctx.db.sandboxImDepartment.delete({ where: { id } });
    return {};
  });

/** `id` and everything below it (recursively); no id = the whole tree. */
async function subtree(ctx: WecomHandlerContext) {
  const raw = ctx.query.get("id");
  if (raw === null || raw === "")
    return ctx.db.sandboxImDepartment.findMany({
      orderBy: [{ parentId: "asc" }, { order: "asc" }, { id: "asc" }],
    });
  const id = Number(raw);
  if (!(await ctx.db.sandboxImDepartment.findUnique({ where: { id } })))
    fail(WC.DEPT_NOT_FOUND, "department not found");
  const ids = await descendantIds(ctx, id);
  return ctx.db.sandboxImDepartment.findMany({
    where: { id: { in: ids } },
    orderBy: [{ parentId: "asc" }, { order: "asc" }, { id: "asc" }],
  });
}

export const simpleListDepartments: WecomHandler = async (ctx) => ({
  department_id: (await subtree(ctx)).map((d) => ({
    id: d.id,
    parentid: d.parentId,
    order: d.order,
  })),
});

/** The older department/list (with names), kept because many integrations still call it. */
export const listDepartments: WecomHandler = async (ctx) => ({
  department: (await subtree(ctx)).map(toJson),
});

export const getDepartment: WecomHandler = async (ctx) => {
  const d = await ctx.db.sandboxImDepartment.findUnique({
    where: { id: Number(ctx.query.get("id")) || -1 },
  });
  if (!d) fail(WC.DEPT_NOT_FOUND, "department not found");
  return { department: toJson(d) };
};
