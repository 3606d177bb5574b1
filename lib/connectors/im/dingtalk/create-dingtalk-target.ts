import { chunk } from "../../core/collect";
import { ConnectorError } from "../../core/connector-error";
import type { ConnectorRuntimeOptions } from "../../core/runtime-options";
import { runConnectionTest } from "../../core/test-connection";
import { truncateUtf8 } from "../../core/truncate-utf8";
import type {
  ImCapabilities,
  ImGroupRecord,
  ImMessage,
  ImTarget,
  ImUserRecord,
  SendMessageResult,
  UpdateImUserInput,
} from "../../types";
import { createDingtalkClient } from "./dingtalk-client";
import {
  dingtalkConfigSchema,
  dingtalkSecretsSchema,
  type DingtalkConfigInput,
  type DingtalkSecrets,
} from "./dingtalk-schema";

export const dingtalkCapabilities: ImCapabilities = {
  // user/create and user/update take hide_mobile and senior_mode; e-mail has no switch.
  privacy: { hideMobile: "flag", hideEmail: "omit", seniorMode: true },
  groupKind: "department",
  groupHierarchy: true,
  callerAssignsUserId: true,
  userIdCaseInsensitive: false,
  // oapi has no disable flag on user/update: offboarding = delete.
  canDisableUser: false,
  canDeleteUser: true,
  canTransferGroupOwnership: false,
  requiresContact: "mobile",
  messageFormats: ["text", "markdown", "card"],
  maxRecipientsPerCall: 100,
  maxTextBytes: 5_000,
};

type DtUser = {
  userid: string;
  name: string;
  mobile?: string;
  email?: string;
  title?: string;
  job_number?: string;
  dept_id_list?: number[];
  active?: boolean;
  hide_mobile?: boolean;
  /** user/get answers `senior`; create and update take `senior_mode`. */
  senior?: boolean;
};

const userFields = (p: UpdateImUserInput) => ({
  name: p.name,
  mobile: p.mobile,
  email: p.email,
  title: p.title,
  job_number: p.employeeNo,
  // dept_id_list is a comma-separated string in create/update.
  dept_id_list: p.groupIds?.join(","),
  hide_mobile: p.hideMobile,
  senior_mode: p.seniorMode,
});

/** DingTalk oapi (topapi v2) contact + work notifications. */
export function createDingtalkTarget(
  configInput: DingtalkConfigInput,
  secretsInput: DingtalkSecrets,
  runtime: ConnectorRuntimeOptions = {},
): ImTarget {
  const config = dingtalkConfigSchema.parse(configInput);
  const client = createDingtalkClient(config, dingtalkSecretsSchema.parse(secretsInput), runtime);
  const toUser = (u: DtUser): ImUserRecord => ({
    id: u.userid,
    name: u.name,
    mobile: u.mobile || undefined,
    email: u.email || undefined,
    title: u.title || undefined,
    employeeNo: u.job_number || undefined,
    groupIds: (u.dept_id_list ?? []).map(String),
    mainGroupId: u.dept_id_list?.[0] === undefined ? undefined : String(u.dept_id_list[0]),
    enabled: u.active !== false,
    ...(u.hide_mobile === undefined ? {} : { hideMobile: u.hide_mobile }),
    ...(u.senior === undefined ? {} : { seniorMode: u.senior }),
  });

  async function* listGroups(): AsyncIterable<ImGroupRecord> {
    // listsub returns one level: walk the tree breadth-first from the root (1).
    const queue = [1];
    while (queue.length) {
      const parent = queue.shift()!;
      const subs = await client.call<{ dept_id: number; name: string; parent_id: number }[]>(
        "/topapi/v2/department/listsub",
        { dept_id: parent },
      );
      for (const d of subs ?? []) {
        queue.push(d.dept_id);
        yield {
          id: String(d.dept_id),
          name: d.name,
          parentId: d.parent_id === 1 ? undefined : String(d.parent_id),
        };
      }
    }
  }

  async function* listUsers(): AsyncIterable<ImUserRecord> {
    const seen = new Set<string>();
    const depts = ["1"];
    for await (const g of listGroups()) depts.push(g.id);
    for (const dept of depts) {
      let cursor = 0;
      for (;;) {
        const page = await client.call<{ has_more: boolean; next_cursor?: number; list: DtUser[] }>(
          "/topapi/v2/user/list",
          { dept_id: Number(dept), cursor, size: runtime.pageSize ?? 100 },
        );
        for (const u of page.list ?? []) {
          if (!seen.has(u.userid)) {
            seen.add(u.userid);
            yield toUser(u);
          }
        }
        if (!page.has_more || page.next_cursor === undefined) break;
        cursor = page.next_cursor;
      }
    }
  }

  const getUser = async (id: string) => {
    try {
      return toUser(await client.call<DtUser>("/topapi/v2/user/get", { userid: id }));
    } catch (err) {
      if (err instanceof ConnectorError && err.kind === "not_found") return null;
      throw err;
    }
  };

  return {
    provider: "dingtalk",
    capabilities: dingtalkCapabilities,
    testConnection: () =>
      runConnectionTest(async () => {
        await client.refreshToken();
        return `Connected with app key ${config.appKey}`;
      }),
    listGroups,
    async createGroup(input) {
      const res = await client.call<{ dept_id: number }>("/topapi/v2/department/create", {
        name: input.name,
        parent_id: Number(input.parentId ?? 1),
        order: input.order,
      });
      return {
        id: String(res.dept_id),
        name: input.name,
        parentId: input.parentId,
        order: input.order,
      };
    },
    async updateGroup(id, patch) {
      await client.call("/topapi/v2/department/update", {
        dept_id: Number(id),
        name: patch.name,
        parent_id: patch.parentId ? Number(patch.parentId) : undefined,
        order: patch.order,
      });
    },
    async deleteGroup(id) {
      await client.call("/topapi/v2/department/delete", { dept_id: Number(id) });
    },
    async *listUserRefs() {
      for await (const u of listUsers()) yield { id: u.id, groupIds: u.groupIds };
    },
    listUsers,
    getUser,
    async createUser(input) {
      const res = await client.call<{ userid: string }>("/topapi/v2/user/create", {
        userid: input.id,
        ...userFields({ ...input, groupIds: input.groupIds.length ? input.groupIds : ["1"] }),
      });
      return {
        id: res.userid,
        name: input.name,
        mobile: input.mobile,
        email: input.email,
        title: input.title,
        employeeNo: input.employeeNo,
        groupIds: input.groupIds,
        mainGroupId: input.groupIds[0],
        enabled: true,
        ...(input.hideMobile === undefined ? {} : { hideMobile: input.hideMobile }),
        ...(input.seniorMode === undefined ? {} : { seniorMode: input.seniorMode }),
      };
    },
    async updateUser(id, patch) {
      if (patch.enabled === false)
        throw new ConnectorError({
          kind: "invalid",
          platform: "dingtalk",
          code: "unsupported",
          message: "DingTalk cannot disable a user; delete it instead",
        });
      await client.call("/topapi/v2/user/update", { userid: id, ...userFields(patch) });
    },
    async disableUser() {
      throw new ConnectorError({
        kind: "invalid",
        platform: "dingtalk",
        code: "unsupported",
        message: "DingTalk cannot disable a user; delete it instead",
      });
    },
    async deleteUser(id) {
      await client.call("/topapi/v2/user/delete", { userid: id });
    },
    async setGroupMembership(userId, groupIds, options = {}) {
      let target = groupIds;
      if (options.managedGroupIds) {
        const current = await getUser(userId);
        if (!current)
          throw new ConnectorError({
            kind: "not_found",
            platform: "dingtalk",
            code: "60121",
            message: `user ${userId} not found`,
          });
        const managed = new Set(options.managedGroupIds);
        target = [
          ...current.groupIds.filter((g) => !managed.has(g)),
          ...groupIds.filter((g) => managed.has(g)),
        ];
      }
      await client.call("/topapi/v2/user/update", {
        userid: userId,
        dept_id_list: target.join(","),
      });
    },
    async sendMessage(message: ImMessage): Promise<SendMessageResult> {
      const { msg, truncated } = dingtalkMessage(message);
      const result: SendMessageResult = { messageIds: [], invalidRecipients: [], truncated };
      for (const batch of chunk(message.to, dingtalkCapabilities.maxRecipientsPerCall)) {
        // Work notifications are asynchronous: invalid recipients are only known later via getsendresult.
        const res = await client.call<unknown>("/topapi/message/corpconversation/asyncsend_v2", {
          agent_id: config.agentId,
          userid_list: batch.join(","),
          msg,
        });
        const taskId = (res as { task_id?: number } | undefined)?.task_id;
        if (taskId !== undefined) result.messageIds.push(String(taskId));
      }
      result.messageId = result.messageIds[0];
      return result;
    },
  };
}

export function dingtalkMessage(message: ImMessage): { msg: object; truncated: boolean } {
  const text = truncateUtf8(message.text, dingtalkCapabilities.maxTextBytes!);
  if (message.format === "text")
    return { msg: { msgtype: "text", text: { content: text.text } }, truncated: text.truncated };
  if (message.format === "card" && message.url) {
    return {
      msg: {
        msgtype: "action_card",
        action_card: {
          title: message.title ?? "",
          markdown: text.text,
          single_title: message.buttonText ?? "查看详情",
          single_url: message.url,
        },
      },
      truncated: text.truncated,
    };
  }
  return {
    msg: {
      msgtype: "markdown",
      markdown: { title: message.title ?? message.text.slice(0, 20), text: text.text },
    },
    truncated: text.truncated,
  };
}
