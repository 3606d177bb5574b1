import { chunk, mapAhead } from "../../core/collect";
import { ConnectorError } from "../../core/connector-error";
import type { ConnectorRuntimeOptions } from "../../core/runtime-options";
import { runConnectionTest } from "../../core/test-connection";
import { truncateUtf8 } from "../../core/truncate-utf8";
import type {
  CreateImUserInput,
  ImCapabilities,
  ImGroupRecord,
  ImGroupRef,
  ImMessage,
  ImTarget,
  ImUserRecord,
  ImUserRef,
  SendMessageResult,
  UpdateImUserInput,
} from "../../types";
import { createWecomClient, type WecomEnvelope } from "./wecom-client";
import {
  wecomConfigSchema,
  wecomSecretsSchema,
  type WecomConfigInput,
  type WecomSecrets,
} from "./wecom-schema";
import { transferWecomGroupChats } from "./transfer-wecom-group-chats";

/** department/get (user/get) calls in flight while listing groups (users). */
const LIST_GROUPS_CONCURRENCY = 8;

export const wecomCapabilities: ImCapabilities = {
  // WeCom has no per-user contact protection in its API (only the admin console's visibility
  // settings), so hiding means not sending the value.
  privacy: { hideMobile: "omit", hideEmail: "omit", seniorMode: false },
  groupKind: "department",
  groupHierarchy: true,
  maxGroupDepth: 15,
  callerAssignsUserId: true,
  userIdCaseInsensitive: true,
  canDisableUser: true,
  canDeleteUser: true,
  canTransferGroupOwnership: true,
  managerField: true,
  requiresContact: "mobile_or_email",
  messageFormats: ["text", "markdown", "card"],
  maxRecipientsPerCall: 1_000,
  maxTextBytes: 2_048,
  userRefsCarryGroups: true,
  groupRefsCarryParents: true,
};

type WecomUser = {
  userid: string;
  name: string;
  department?: number[];
  main_department?: number;
  position?: string;
  mobile?: string;
  email?: string;
  enable?: number;
  status?: number;
  /** 直属上级: at most one userid. */
  direct_leader?: string[];
};

function toUserRecord(u: WecomUser): ImUserRecord {
  return {
    id: u.userid,
    name: u.name,
    email: u.email || undefined,
    mobile: u.mobile || undefined,
    title: u.position || undefined,
    groupIds: (u.department ?? []).map(String),
    mainGroupId: u.main_department ? String(u.main_department) : undefined,
    // status 2 = disabled (已禁用); `enable` is the older flag.
    enabled: u.enable !== undefined ? u.enable !== 0 : u.status !== 2,
    ...(u.direct_leader ? { managerId: u.direct_leader[0] ?? "" } : {}),
  };
}

function userBody(input: UpdateImUserInput & { groupIds?: string[] }) {
  return {
    name: input.name,
    mobile: input.mobile,
    email: input.email,
    position: input.title,
    department: input.groupIds?.map(Number),
    main_department: input.mainGroupId
      ? Number(input.mainGroupId)
      : input.groupIds?.length
        ? Number(input.groupIds[0])
        : undefined,
    enable: input.enabled === undefined ? undefined : input.enabled ? 1 : 0,
    // [] clears the leader; omitted leaves it.
    direct_leader:
      input.managerId === undefined ? undefined : input.managerId ? [input.managerId] : [],
  };
}

/** WeCom (企业微信) contact + message API, hand-written (no official server SDK). */
export function createWecomTarget(
  configInput: WecomConfigInput,
  secretsInput: WecomSecrets,
  runtime: ConnectorRuntimeOptions = {},
): ImTarget {
  const config = wecomConfigSchema.parse(configInput);
  const secrets = wecomSecretsSchema.parse(secretsInput);
  const client = createWecomClient(config, secrets, runtime);

  const getUser = async (id: string): Promise<ImUserRecord | null> => {
    try {
      const u = await client.call<WecomEnvelope & WecomUser>({
        method: "GET",
        path: "/user/get",
        query: { userid: id },
      });
      return toUserRecord(u);
    } catch (err) {
      if (err instanceof ConnectorError && err.kind === "not_found") return null;
      throw err;
    }
  };

  const getGroup = async (id: string): Promise<ImGroupRecord | null> => {
    try {
      const { department: d } = await client.call<
        WecomEnvelope & {
          department: {
            id: number;
            name: string;
            name_en?: string;
            parentid: number;
            order?: number;
          };
        }
      >({ method: "GET", path: "/department/get", query: { id } });
      return {
        id: String(d.id),
        name: d.name,
        nameEn: d.name_en || undefined,
        parentId: d.parentid ? String(d.parentid) : undefined,
        order: d.order,
      };
    } catch (err) {
      if (err instanceof ConnectorError && err.kind === "not_found") return null;
      throw err;
    }
  };

  async function* listGroupRefs(): AsyncIterable<ImGroupRef> {
    const list = await client.call<
      WecomEnvelope & { department_id: { id: number; parentid: number; order?: number }[] }
    >({ method: "GET", path: "/department/simplelist" });
    for (const d of list.department_id ?? [])
      yield {
        id: String(d.id),
        parentId: d.parentid ? String(d.parentid) : undefined,
        order: d.order,
      };
  }

  async function* listUserRefs(): AsyncIterable<ImUserRef> {
    let cursor = "";
    do {
      const page = await client.call<
        WecomEnvelope & {
          next_cursor?: string;
          dept_user?: { userid: string; department: number }[];
        }
      >({
        method: "POST",
        path: "/user/list_id",
        body: { cursor: cursor || undefined, limit: runtime.pageSize ?? 10_000 },
      });
      // list_id returns one row per (user, department): fold them per user within the page.
      const byUser = new Map<string, string[]>();
      for (const row of page.dept_user ?? []) {
        const groups = byUser.get(row.userid) ?? [];
        groups.push(String(row.department));
        byUser.set(row.userid, groups);
      }
      for (const [id, groupIds] of byUser) yield { id, groupIds };
      cursor = page.next_cursor ?? "";
    } while (cursor);
  }

  return {
    provider: "wecom",
    capabilities: wecomCapabilities,

    testConnection: () =>
      runConnectionTest(async () => {
        await client.fetchToken("contact");
        const res = await client.call<WecomEnvelope & { department_id?: unknown[] }>({
          method: "GET",
          path: "/department/simplelist",
          query: { id: 1 },
        });
        return `Connected to corp ${config.corpId}; ${res.department_id?.length ?? 0} departments visible`;
      }),

    // simplelist carries no names: department/get fills them in, one call per department — a few at
    // a time (the client's rate limiter still paces them), yielded in simplelist order. A department
    // deleted between the two calls is skipped.
    async *listGroups() {
      for await (const group of mapAhead(listGroupRefs(), LIST_GROUPS_CONCURRENCY, (ref) =>
        getGroup(ref.id),
      ))
        if (group) yield group;
    },
    listGroupRefs,
    getGroup,

    async createGroup(input) {
      const res = await client.call<WecomEnvelope & { id: number }>({
        method: "POST",
        path: "/department/create",
        body: {
          name: input.name,
          name_en: input.nameEn,
          parentid: Number(input.parentId ?? 1),
          order: input.order,
          id: input.id ? Number(input.id) : undefined,
        },
      });
      return {
        id: String(res.id),
        name: input.name,
        nameEn: input.nameEn,
        parentId: input.parentId ?? "1",
        order: input.order,
      };
    },

    async updateGroup(id, patch) {
      await client.call({
        method: "POST",
        path: "/department/update",
        body: {
          id: Number(id),
          name: patch.name,
          name_en: patch.nameEn,
          parentid: patch.parentId ? Number(patch.parentId) : undefined,
          order: patch.order,
        },
      });
    },

    async deleteGroup(id) {
      await client.call({ method: "GET", path: "/department/delete", query: { id } });
    },

    listUserRefs,

    async *listUsers() {
      // list_id carries ids only: user/get per member, a few in flight (the rate limiter still paces them), in list_id order.
      for await (const user of mapAhead(listUserRefs(), LIST_GROUPS_CONCURRENCY, (ref) =>
        getUser(ref.id),
      )) {
        if (user) yield user;
      }
    },

    getUser,

    async createUser(input: CreateImUserInput) {
      const userid = input.id ?? input.employeeNo;
      if (!userid)
        throw new ConnectorError({
          kind: "invalid",
          platform: "wecom",
          code: "userid",
          message: "WeCom needs a userid (or an employee number to use as one)",
        });
      await client.call({
        method: "POST",
        path: "/user/create",
        body: { userid, ...userBody(input), enable: 1 },
      });
      return {
        id: userid,
        name: input.name,
        email: input.email,
        mobile: input.mobile,
        title: input.title,
        employeeNo: input.employeeNo,
        groupIds: input.groupIds,
        mainGroupId: input.mainGroupId ?? input.groupIds[0],
        enabled: true,
        managerId: input.managerId ?? "",
      };
    },

    async updateUser(id, patch) {
      await client.call({
        method: "POST",
        path: "/user/update",
        body: { userid: id, ...userBody(patch) },
      });
    },

    async disableUser(id) {
      await client.call({ method: "POST", path: "/user/update", body: { userid: id, enable: 0 } });
    },

    transferOwnedGroups: (from, to) => transferWecomGroupChats(client, from, to),

    async deleteUser(id) {
      await client.call({ method: "GET", path: "/user/delete", query: { userid: id } });
    },

    async setGroupMembership(userId, groupIds, options = {}) {
      let target = groupIds;
      if (options.managedGroupIds) {
        const current = await getUser(userId);
        if (!current)
          throw new ConnectorError({
            kind: "not_found",
            platform: "wecom",
            code: "60111",
            message: `user ${userId} not found`,
          });
        const managed = new Set(options.managedGroupIds);
        target = [
          ...current.groupIds.filter((g) => !managed.has(g)),
          ...groupIds.filter((g) => managed.has(g)),
        ];
      }
      const main =
        options.mainGroupId && target.includes(options.mainGroupId)
          ? options.mainGroupId
          : target[0];
      await client.call({
        method: "POST",
        path: "/user/update",
        body: {
          userid: userId,
          department: target.map(Number),
          main_department: main ? Number(main) : undefined,
        },
      });
    },

    async sendMessage(message: ImMessage): Promise<SendMessageResult> {
      const { payload, truncated } = wecomMessagePayload(message);
      const result: SendMessageResult = { messageIds: [], invalidRecipients: [], truncated };
      for (const recipients of chunk(message.to, wecomCapabilities.maxRecipientsPerCall)) {
        try {
          const res = await client.call<WecomEnvelope & { msgid?: string; invaliduser?: string }>({
            method: "POST",
            path: "/message/send",
            secret: "agent",
            body: { touser: recipients.join("|"), agentid: config.agentId, ...payload },
          });
          if (res.msgid) result.messageIds.push(res.msgid);
          result.invalidRecipients.push(...(res.invaliduser ?? "").split("|").filter(Boolean));
        } catch (err) {
          // 81013: none of the recipients is valid — a per-recipient outcome, not a failed call.
          if (err instanceof ConnectorError && err.code === "81013")
            result.invalidRecipients.push(...recipients);
          else throw err;
        }
      }
      result.messageId = result.messageIds[0];
      return result;
    },
  };
}

/** Builds the msgtype-specific part of message/send; text and markdown are cut to 2048 bytes. */
export function wecomMessagePayload(message: ImMessage): {
  payload: Record<string, unknown>;
  truncated: boolean;
} {
  if (message.format === "card" && message.url) {
    const description = truncateUtf8(message.text, 512);
    return {
      payload: {
        msgtype: "textcard",
        textcard: {
          title: truncateUtf8(message.title ?? "", 128).text,
          description: description.text,
          url: message.url,
          btntxt: message.buttonText,
        },
      },
      truncated: description.truncated,
    };
  }
  if (message.format === "text") {
    const content = truncateUtf8(message.text, 2_048);
    return {
      payload: { msgtype: "text", text: { content: content.text } },
      truncated: content.truncated,
    };
  }
  // markdown, and cards without a link (textcard requires a url)
  const source = message.title ? `**${message.title}**\n${message.text}` : message.text;
  const content = truncateUtf8(
    message.url ? `${source}\n[${message.buttonText ?? "详情"}](${message.url})` : source,
    2_048,
  );
  return {
    payload: { msgtype: "markdown", markdown: { content: content.text } },
    truncated: content.truncated,
  };
}
