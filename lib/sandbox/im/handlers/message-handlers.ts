import { randomBytes } from "node:crypto";
import { truncateUtf8 } from "@/lib/connectors/core/truncate-utf8";
import { fail, WC } from "../wecom-codes";
import type { WecomHandler, WecomHandlerContext } from "./handler-context";

const MAX_TOUSER = 1_000;

/** The stored content per msgtype; text and markdown over 2048 bytes are cut, as WeCom documents ("超过将截断"). */
function contentOf(b: any): Record<string, unknown> {
  switch (b.msgtype) {
    case "text":
    case "markdown": {
      const content = b[b.msgtype]?.content;
      if (typeof content !== "string" || !content) fail(WC.EMPTY_CONTENT, "content empty");
      return { content: truncateUtf8(content, 2_048).text };
    }
    case "textcard": {
      const card = b.textcard ?? {};
      if (!card.title || !card.description || !card.url)
        fail(WC.EMPTY_CONTENT, "textcard needs title, description and url");
      return {
        title: truncateUtf8(card.title, 128).text,
        description: truncateUtf8(card.description, 512).text,
        url: card.url,
        btntxt: card.btntxt ?? "详情",
      };
    }
    default:
      fail(WC.INVALID_MSGTYPE, "invalid msgtype");
  }
}

async function membersOfParties(
  ctx: WecomHandlerContext,
  parties: number[],
): Promise<{ users: string[]; invalidParties: number[] }> {
  if (parties.length === 0) return { users: [], invalidParties: [] };
  const existing = await ctx.db.sandboxImDepartment.findMany({
    where: { id: { in: parties } },
    select: { id: true },
  });
  const valid = existing.map((d) => d.id);
  const users = await ctx.db.sandboxImUser.findMany({
    where: { departments: { hasSome: valid }, enable: 1 },
    select: { userid: true },
  });
  return {
    users: users.map((u) => u.userid),
    invalidParties: parties.filter((p) => !valid.includes(p)),
  };
}

export const sendMessage: WecomHandler = async (ctx) => {
  const b = ctx.body;
  if (Number(b.agentid) !== ctx.agentId) fail(WC.INVALID_AGENTID, "invalid agentid");
  const content = contentOf(b);
  const touser = String(b.touser ?? "");
  const all = touser === "@all";
  const requested = all ? [] : [...new Set(touser.split("|").filter(Boolean))];
  if (requested.length > MAX_TOUSER) fail(WC.USERID_LIST_LENGTH, "touser exceeds 1000");
  const parties = String(b.toparty ?? "")
    .split("|")
    .filter(Boolean)
    .map(Number);

  const found = all
    ? await ctx.db.sandboxImUser.findMany({
        where: { enable: 1 },
        select: { userid: true, useridLower: true, enable: true },
      })
    : await ctx.db.sandboxImUser.findMany({
        where: { useridLower: { in: requested.map((u) => u.toLowerCase()) } },
        select: { userid: true, useridLower: true, enable: true },
      });
  const byLower = new Map(found.map((u) => [u.useridLower, u]));
  const invalid = requested.filter((u) => !byLower.get(u.toLowerCase())?.enable);
  const fromParties = await membersOfParties(ctx, parties);
  const recipients = [
    ...new Set([...found.filter((u) => u.enable).map((u) => u.userid), ...fromParties.users]),
  ];
  const extra = {
    invaliduser: invalid.join("|"),
    invalidparty: fromParties.invalidParties.join("|"),
  };
  if (recipients.length === 0) fail(WC.NO_VALID_RECIPIENT, "user & party & tag all invalid", extra);

  const msgid = randomBytes(24).toString("base64url");
  // A member gets at most 30 messages/min and 1000/h from one app; WeCom drops the excess silently.
  const delivered = recipients.filter((u) => ctx.admitMessage(u));
  if (delivered.length) {
    // One INSERT … unnest: Prisma's createMany spends over a second per 1,000 rows building the statement.
    const now = new Date().toISOString();
    await ctx.db.$queryRaw`
      INSERT INTO "SandboxImMessage" (id, msgid, userid, agentid, msgtype, content, "createdAt")
      SELECT gen_random_uuid()::text, ${msgid}, u, ${ctx.agentId}, ${String(b.msgtype)}, ${JSON.stringify(content)}::jsonb, ${now}::timestamp(3)
      FROM unnest(${delivered}::text[]) AS u`;
  }
  return { ...extra, msgid };
};
