import type { GroupTransferResult } from "../../types";
import type { WecomClient, WecomEnvelope } from "./wecom-client";

type ChatList = WecomEnvelope & {
  group_chat_list?: { chat_id: string; status?: number }[];
  next_cursor?: string;
};
type TransferResponse = WecomEnvelope & {
  failed_chat_list?: { chat_id: string; errcode?: number; errmsg?: string }[];
};

// externalcontact/groupchat/list takes at most 1000 per page; onjob_transfer at most 100 chats per call.
const LIST_LIMIT = 1000;
const TRANSFER_BATCH = 100;

/**
 * Hands the customer group chats `from` owns to `to`: lists them (groupchat/list with an owner
 * filter) and transfers them in batches with groupchat/onjob_transfer — the leaver's account is only
 * disabled at this point, so WeCom still counts them as on the job (groupchat/transfer is for members
 * already deleted). Chats WeCom refuses come back in `failed` with its errcode and message.
 */
export async function transferWecomGroupChats(
  client: WecomClient,
  from: string,
  to: string,
): Promise<GroupTransferResult> {
  const chatIds: string[] = [];
  let cursor: string | undefined;
  do {
    const page: ChatList = await client.call<ChatList>({
      method: "POST",
      path: "/externalcontact/groupchat/list",
      secret: "agent",
      body: {
        status_filter: 0,
        owner_filter: { userid_list: [from] },
        limit: LIST_LIMIT,
        ...(cursor ? { cursor } : {}),
      },
    });
    for (const chat of page.group_chat_list ?? []) chatIds.push(chat.chat_id);
    cursor = page.next_cursor || undefined;
  } while (cursor);

  const result: GroupTransferResult = { transferred: [], failed: [] };
  for (let i = 0; i < chatIds.length; i += TRANSFER_BATCH) {
    const batch = chatIds.slice(i, i + TRANSFER_BATCH);
    const res = await client.call<TransferResponse>({
      method: "POST",
      path: "/externalcontact/groupchat/onjob_transfer",
      secret: "agent",
      body: { chat_id_list: batch, new_owner: to },
    });
    const failed = new Map(
      (res.failed_chat_list ?? []).map((f) => [f.chat_id, `${f.errcode ?? ""} ${f.errmsg ?? ""}`]),
    );
    for (const id of batch) {
      const error = failed.get(id);
      if (error === undefined) result.transferred.push(id);
      else result.failed.push({ id, error: error.trim() });
    }
  }
  return result;
}
