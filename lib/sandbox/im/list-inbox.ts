import type { SandboxDb } from "../shared/create-sandbox-db";

export type SandboxInboxMessage = {
  id: string;
  msgid: string;
  agentId: number;
  msgtype: string;
  /** Title for cards (and nothing for text). */
  title?: string;
  /** Text or markdown source, or the card description. */
  text: string;
  url?: string;
  createdAt: Date;
};

export type ListInboxOptions = {
  /** Newest first; at most this many. */
  limit?: number;
  /** Only messages older than this (paging). */
  before?: Date;
};

/** What a sandbox IM member received, newest first (userid is case-insensitive, like WeCom). */
export async function listInbox(
  db: SandboxDb,
  userid: string,
  options: ListInboxOptions = {},
): Promise<SandboxInboxMessage[]> {
  const user = await db.sandboxImUser.findUnique({
    where: { useridLower: userid.toLowerCase() },
    select: { userid: true },
  });
  const rows = await db.sandboxImMessage.findMany({
    where: {
      userid: user?.userid ?? userid,
      createdAt: options.before ? { lt: options.before } : undefined,
    },
    orderBy: { createdAt: "desc" },
    take: options.limit ?? 50,
  });
  return rows.map((m) => {
    const c = (m.content ?? {}) as {
      content?: string;
      title?: string;
      description?: string;
      url?: string;
    };
    return {
      id: m.id,
      msgid: m.msgid,
      agentId: m.agentid,
      msgtype: m.msgtype,
      title: c.title,
      text: c.content ?? c.description ?? "",
      url: c.url,
      createdAt: m.createdAt,
    };
  });
}
