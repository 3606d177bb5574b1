import { uniqueViolationFields } from "../../shared/create-sandbox-db";
import { fail, WC } from "../wecom-codes";
import type { WecomHandler, WecomHandlerContext } from "./handler-context";

const USERID = /^[0-9A-Za-z_\-@.]{1,64}$/;
const MOBILE = /^\+?[0-9-]{1,32}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const MAX_DEPARTMENTS_PER_USER = 100;

type UserRow = {
  userid: string;
  name: string;
  mobile: string | null;
  email: string | null;
  departments: number[];
  mainDepartment: number | null;
  position: string | null;
  enable: number;
  directLeader: string | null;
};

/** WeCom treats "" as "no value" for mobile/email. */
const blankToNull = (v: unknown) =>
  v === undefined ? undefined : v === null || v === "" ? null : String(v);

async function checkDepartments(ctx: WecomHandlerContext, departments: unknown): Promise<number[]> {
  if (!Array.isArray(departments) || departments.length === 0) return [1]; // omitted: the root (unverified default)
  if (departments.length > MAX_DEPARTMENTS_PER_USER)
    fail(WC.TOO_MANY_DEPTS, "too many departments");
  const ids = [...new Set(departments.map(Number))];
  const found = await ctx.db.sandboxImDepartment.count({ where: { id: { in: ids } } });
  if (found !== ids.length) fail(WC.INVALID_DEPT_ID, "invalid department id");
  return ids;
}

function checkContact(mobile: string | null | undefined, email: string | null | undefined) {
  if (mobile && !MOBILE.test(mobile)) fail(WC.MOBILE_INVALID, "invalid mobile");
  if (email && (email.length > 64 || !EMAIL.test(email))) fail(WC.EMAIL_INVALID, "invalid email");
}

/**
 * direct_leader: a list of at most one member (WeCom's limit); [] clears it. Returns the named userid
 * lower-cased, null for none, undefined when omitted. The leader must exist (checked by the caller), so a
 * member can only be given a leader created before them.
 */
function parseLeader(value: unknown, self?: string): string | null | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || value.length > 1)
    fail(WC.INVALID_USERID, "direct_leader must list at most one userid");
  if (value.length === 0) return null;
  const lower = String(value[0]).toLowerCase();
  if (lower === self) fail(WC.INVALID_USERID, "direct_leader cannot be the member");
  return lower;
}

/** `parseLeader`, then the leader's stored userid (null for none, undefined when omitted). */
async function checkLeader(
  ctx: WecomHandlerContext,
  value: unknown,
  self?: string,
): Promise<string | null | undefined> {
  const lower = parseLeader(value, self);
  if (!lower) return lower;
  const leader = await ctx.db.sandboxImUser.findUnique({
    where: { useridLower: lower },
    select: { userid: true },
  });
  if (!leader) fail(WC.INVALID_USERID, "direct_leader userid not found");
  return leader.userid;
}

function checkName(name: unknown): string {
  if (typeof name !== "string" || name.trim().length === 0 || [...name].length > 64)
    fail(WC.NAME_INVALID, "invalid name");
  return name;
}

type NewUser = {
  userid: string;
  name: string;
  mobile: string | null;
  email: string | null;
  mainDepartment: unknown;
  position: string | null;
  enable: number;
  /** The leader's userid lower-cased (stored as the leader's own spelling), null for none. */
  leaderLower: string | null;
};

/**
 * Creates a member in one round trip: the named leader's existence, `checkDepartments`, then userid,
 * mobile and email uniqueness (in that order, as errcodes), and the insert only when they all pass. A concurrent writer that wins the
 * race in between is caught by the constraints (ON CONFLICT) and answered from a fresh check.
 */
async function insertNewUser(
  ctx: WecomHandlerContext,
  departments: unknown,
  u: NewUser,
): Promise<void> {
  const omitted = !Array.isArray(departments) || departments.length === 0;
  if (!omitted && departments.length > MAX_DEPARTMENTS_PER_USER)
    fail(WC.TOO_MANY_DEPTS, "too many departments");
  const ids = omitted ? [1] : [...new Set(departments.map(Number))];
  const main = Number(u.mainDepartment);
  const lower = u.userid.toLowerCase();
  const [row] = await ctx.db.$queryRaw<
    {
      leader: string | null;
      depts: number;
      userid: boolean;
      mobile: boolean;
      email: boolean;
      inserted: number;
    }[]
  >`
    WITH c AS (
      SELECT (SELECT userid FROM "SandboxImUser" WHERE "useridLower" = ${u.leaderLower}::text) AS leader,
             (SELECT count(*) FROM "SandboxImDepartment" WHERE id = ANY(${ids}::int[]))::int AS depts,
             EXISTS (SELECT 1 FROM "SandboxImUser" WHERE "useridLower" = ${lower}) AS userid,
             (${u.mobile}::text IS NOT NULL AND EXISTS (SELECT 1 FROM "SandboxImUser" WHERE mobile = ${u.mobile}::text)) AS mobile,
             (${u.email}::text IS NOT NULL AND EXISTS (SELECT 1 FROM "SandboxImUser" WHERE email = ${u.email}::text)) AS email
    ), ins AS (
      INSERT INTO "SandboxImUser" (userid, "useridLower", name, mobile, email, departments, "mainDepartment", position, enable, "directLeader", "createdAt", "updatedAt")
      SELECT ${u.userid}, ${lower}, ${u.name}, ${u.mobile}::text, ${u.email}::text, ${ids}::int[], ${ids.includes(main) ? main : ids[0]}::int,
             ${u.position}::text, ${u.enable}::int, c.leader, now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC'
      FROM c WHERE (${u.leaderLower}::text IS NULL OR c.leader IS NOT NULL)
        AND (${omitted} OR c.depts = ${ids.length}) AND NOT c.userid AND NOT c.mobile AND NOT c.email
      ON CONFLICT DO NOTHING
      RETURNING 1
    )
    SELECT c.*, (SELECT count(*) FROM ins)::int AS inserted FROM c`;
  if (u.leaderLower && row.leader === null)
    fail(WC.INVALID_USERID, "direct_leader userid not found");
  // Omitted departments: the root (unverified default), not checked.
  if (!omitted && row.depts !== ids.length) fail(WC.INVALID_DEPT_ID, "invalid department id");
  if (row.userid) fail(WC.USERID_EXISTS, "userid existed");
  if (row.mobile) fail(WC.MOBILE_EXISTS, "mobile existed");
  if (row.email) fail(WC.EMAIL_EXISTS, "email existed");
  if (row.inserted === 1) return;
  // Lost a race to a concurrent create: say which rule it now breaks.
  if (
    await ctx.db.sandboxImUser.findUnique({
      where: { useridLower: lower },
      select: { userid: true },
    })
  )
    fail(WC.USERID_EXISTS, "userid existed");
  await assertUnique(ctx, { mobile: u.mobile, email: u.email });
  fail(WC.USERID_EXISTS, "userid existed");
}

/** The uniqueness rules, checked before writing and again via the database's constraints (concurrent writers). */
async function assertUnique(
  ctx: WecomHandlerContext,
  data: { mobile?: string | null; email?: string | null },
  selfLower?: string,
) {
  const not = selfLower ? { NOT: { useridLower: selfLower } } : {};
  if (
    data.mobile &&
    (await ctx.db.sandboxImUser.findFirst({
      where: { mobile: data.mobile, ...not },
      select: { userid: true },
    }))
  )
    fail(WC.MOBILE_EXISTS, "mobile existed");
  if (
    data.email &&
    (await ctx.db.sandboxImUser.findFirst({
      where: { email: data.email, ...not },
      select: { userid: true },
    }))
  )
    fail(WC.EMAIL_EXISTS, "email existed");
}

function mapUniqueViolation(err: unknown): never {
  const fields = uniqueViolationFields(err);
  if (!fields) throw err;
  if (fields.includes("mobile")) fail(WC.MOBILE_EXISTS, "mobile existed");
  if (fields.includes("email")) fail(WC.EMAIL_EXISTS, "email existed");
  fail(WC.USERID_EXISTS, "userid existed");
}

export function userJson(u: UserRow) {
  return {
    userid: u.userid,
    name: u.name,
    department: u.departments,
    main_department: u.mainDepartment ?? u.departments[0],
    position: u.position ?? "",
    mobile: u.mobile ?? "",
    email: u.email ?? "",
    enable: u.enable,
    direct_leader: u.directLeader ? [u.directLeader] : [],
    // 1 activated, 2 disabled (sandbox members count as activated).
    status: u.enable ? 1 : 2,
  };
}

export const createUser: WecomHandler = async (ctx) => {
  const b = ctx.body;
  if (b.userid === undefined || b.userid === "") fail(WC.MISSING_USERID, "userid missing");
  const userid = String(b.userid);
  if (!USERID.test(userid)) fail(WC.INVALID_USERID, "invalid userid");
  const name = checkName(b.name);
  const mobile = blankToNull(b.mobile) ?? null;
  const email = blankToNull(b.email) ?? null;
  if (!mobile && !email) fail(WC.NO_CONTACT, "mobile and email both empty");
  checkContact(mobile, email);
  const leaderLower = parseLeader(b.direct_leader, userid.toLowerCase()) ?? null;
  await insertNewUser(ctx, b.department, {
    userid,
    name,
    mobile,
    email,
    mainDepartment: b.main_department,
    position: b.position ? String(b.position) : null,
    enable: b.enable === 0 ? 0 : 1,
    leaderLower,
  });
  return { created_userid: userid };
};

async function findUser(ctx: WecomHandlerContext, userid: unknown) {
  if (userid === undefined || userid === null || userid === "")
    fail(WC.USER_NOT_FOUND, "userid not found");
  const user = await ctx.db.sandboxImUser.findUnique({
    where: { useridLower: String(userid).toLowerCase() },
  });
  if (!user) fail(WC.USER_NOT_FOUND, "userid not found");
  return user;
}

export const updateUser: WecomHandler = async (ctx) => {
  const b = ctx.body;
  const user = await findUser(ctx, b.userid);
  const mobile = blankToNull(b.mobile);
  const email = blankToNull(b.email);
  const nextMobile = mobile === undefined ? user.mobile : mobile;
  const nextEmail = email === undefined ? user.email : email;
  if (!nextMobile && !nextEmail) fail(WC.NO_CONTACT, "mobile and email both empty");
  checkContact(mobile, email);
  const name = b.name === undefined ? undefined : checkName(b.name);
  const departments =
    b.department === undefined ? undefined : await checkDepartments(ctx, b.department);
  const directLeader = await checkLeader(ctx, b.direct_leader, user.useridLower);
  await assertUnique(ctx, { mobile, email }, user.useridLower);
  const deps = departments ?? user.departments;
  const requestedMain =
    b.main_department === undefined ? (user.mainDepartment ?? deps[0]) : Number(b.main_department);
  try {
    await ctx.db.sandboxImUser.update({
      where: { userid: user.userid },
      data: {
        name,
        mobile,
        email,
        departments,
        mainDepartment: deps.includes(requestedMain) ? requestedMain : deps[0],
        position: b.position === undefined ? undefined : String(b.position) || null,
        enable: b.enable === undefined ? undefined : Number(b.enable) === 0 ? 0 : 1,
        directLeader,
      },
    });
  } catch (err) {
    mapUniqueViolation(err);
  }
  return {};
};

export const getUser: WecomHandler = async (ctx) =>
  userJson(await findUser(ctx, ctx.query.get("userid")));

export const deleteUser: WecomHandler = async (ctx) => {
  const user = await findUser(ctx, ctx.query.get("userid"));
  await ctx.db.sandboxImUser.delete({ where: { userid: user.userid } });
  return {};
};

export const batchDeleteUsers: WecomHandler = async (ctx) => {
  const list = ctx.body.useridlist;
  if (!Array.isArray(list) || list.length === 0 || list.length > 200)
    fail(WC.USERID_LIST_LENGTH, "useridlist must hold 1–200 userids");
  const lower = list.map((u: unknown) => String(u).toLowerCase());
  const found = await ctx.db.sandboxImUser.count({ where: { useridLower: { in: lower } } });
  // All or nothing (unverified: the real API's behaviour with unknown ids is not documented).
  if (found !== new Set(lower).size)
    fail(WC.USERID_LIST_INVALID, "useridlist contains unknown userid");
  await ctx.db.sandboxImUser.deleteMany({ where: { useridLower: { in: lower } } });
  return {};
};

/** Cursor = base64url of the last useridLower served; one row per (user, department). */
export const listUserIds: WecomHandler = async (ctx) => {
  const limit = ctx.body.limit === undefined ? 1_000 : Number(ctx.body.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 10_000)
    fail(WC.INVALID_PARAM, "limit must be 1–10000");
  let after: string | undefined;
  if (ctx.body.cursor) {
    after = Buffer.from(String(ctx.body.cursor), "base64url").toString("utf8");
    if (!after) fail(WC.INVALID_PARAM, "invalid cursor");
  }
  const users = await ctx.db.sandboxImUser.findMany({
    where: after ? { useridLower: { gt: after } } : undefined,
    orderBy: { useridLower: "asc" },
    take: limit + 1,
    select: { userid: true, useridLower: true, departments: true },
  });
  const page = users.slice(0, limit);
  const more = users.length > limit;
  return {
    next_cursor: more ? Buffer.from(page[page.length - 1].useridLower).toString("base64url") : "",
    dept_user: page.flatMap((u) =>
      u.departments.map((department) => ({ userid: u.userid, department })),
    ),
  };
};
