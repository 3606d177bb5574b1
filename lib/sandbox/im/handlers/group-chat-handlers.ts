import { fail, WC } from "../wecom-codes";
import type { WecomHandler } from "./handler-context";

// WeCom's documented bounds: list pages of 1–1000, an owner filter of up to 100 members, transfers of
// 1–100 chats per call.
const MAX_LIST = 1000;
const MAX_OWNERS = 100;
const MAX_TRANSFER = 100;

/** externalcontact/groupchat/list: the customer group chats, optionally of some owners, paged by cursor. */
export const listGroupChats: WecomHandler = async (ctx) => {
  const body = ctx.body ?? {};
  const limit = Number(body.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIST)
    fail(WC.INVALID_PARAM, "invalid limit");
  const owners = body.owner_filter?.userid_list;
  if (owners !== undefined && (!Array.isArray(owners) || owners.length > MAX_OWNERS))
    fail(WC.USERID_LIST_LENGTH, "invalid userid_list");
  const offset = body.cursor ? Number(body.cursor) : 0;
  if (!Number.isInteger(offset) || offset < 0) fail(WC.INVALID_PARAM, "invalid cursor");
  const rows = await ctx.db.sandboxImGroupChat.findMany({
    where: owners ? { owner: { in: owners.map(String) } } : {},
    orderBy: { chatId: "asc" },
    skip: offset,
    take: limit + 1,
    select: { chatId: true },
  });
  const more = rows.length > limit;
  return {
    group_chat_list: rows.slice(0, limit).map((r) => ({ chat_id: r.chatId, status: 0 })),
    ...(more ? { next_cursor: String(offset + limit) } : {}),
  };
};

/**
 * externalcontact/groupchat/onjob_transfer: hands chats to a new owner, who must be an enabled member.
 * Chats it cannot hand over are listed in failed_chat_list; the call itself succeeds.
 */
export const transferGroupChats: WecomHandler = async (ctx) => {
  const body = ctx.body ?? {};
  const ids = body.chat_id_list;
  if (!Array.isArray(ids) || ids.length < 1 || ids.length > MAX_TRANSFER)
    fail(WC.INVALID_PARAM, "invalid chat_id_list");
  const owner = typeof body.new_owner === "string" ? body.new_owner : "";
  const member = owner
    ? await ctx.db.sandboxImUser.findUnique({ where: { useridLower: owner.toLowerCase() } })
    : null;
  if (!member || member.enable !== 1) fail(WC.USER_NOT_FOUND, "new_owner not found or disabled");
  const chatIds = ids.map(String);
  const found = await ctx.db.sandboxImGroupChat.findMany({
    where: { chatId: { in: chatIds } },
    select: { chatId: true, members: true },
  });
  const known = new Map(found.map((c) => [c.chatId, c.members]));
  const failed = [];
  for (const id of chatIds) {
    const members = known.get(id);
    if (!members) {
      failed.push({
        chat_id: id,
        errcode: WC.CHAT_NOT_EXTERNAL,
        errmsg: "chat is not external group chat",
      });
      continue;
    }
    await ctx.db.sandboxImGroupChat.update({
      where: { chatId: id },
      data: {
        owner: member.userid,
        members: members.includes(member.userid) ? members : [...members, member.userid],
      },
    });
  }
  return { failed_chat_list: failed };
};
