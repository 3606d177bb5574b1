import { randomUUID } from "node:crypto";
import { ConnectorError } from "../../core/connector-error";
import type { ConnectorRuntimeOptions } from "../../core/runtime-options";
import { runConnectionTest } from "../../core/test-connection";
import type {
  ImCapabilities,
  ImGroupRecord,
  ImMessage,
  ImTarget,
  ImUserRecord,
  SendMessageResult,
} from "../../types";
import { createFeishuClient } from "./feishu-client";
import {
  feishuConfigSchema,
  feishuSecretsSchema,
  type FeishuConfigInput,
  type FeishuSecrets,
} from "./feishu-schema";

export const feishuCapabilities: ImCapabilities = {
  // Feishu requires a mobile; it has no per-user contact protection in the contact API.
  privacy: { hideMobile: "none", hideEmail: "omit", seniorMode: false },
  groupKind: "department",
  groupHierarchy: true,
  callerAssignsUserId: true,
  userIdCaseInsensitive: false,
  canDisableUser: true,
  canDeleteUser: true,
  canTransferGroupOwnership: false,
  // contact v3 users carry leader_user_id (in the request's user_id_type), written and read back.
  managerField: true,
  requiresContact: "mobile",
  messageFormats: ["text", "markdown", "card"],
  // im/v1/messages takes one receive_id per call.
  maxRecipientsPerCall: 1,
};

type FeishuDept = {
  department_id: string;
  open_department_id?: string;
  name: string;
  i18n_name?: { en_us?: string };
  parent_department_id?: string;
  order?: string;
};
type FeishuUser = {
  user_id?: string;
  open_id?: string;
  union_id?: string;
  name: string;
  email?: string;
  mobile?: string;
  job_title?: string;
  employee_no?: string;
  department_ids?: string[];
  status?: { is_frozen?: boolean; is_resigned?: boolean };
  leader_user_id?: string;
};

const ROOT = "0";

/** Feishu/Lark contact v3 + im v1, over fetch (see lib/connectors/README.md for why not the SDK). */
export function createFeishuTarget(
  configInput: FeishuConfigInput,
  secretsInput: FeishuSecrets,
  runtime: ConnectorRuntimeOptions = {},
): ImTarget {
  const config = feishuConfigSchema.parse(configInput);
  const client = createFeishuClient(config, feishuSecretsSchema.parse(secretsInput), runtime);
  const idType = config.userIdType;
  const ids = { user_id_type: idType, department_id_type: "department_id" } as const;
  const pageSize = runtime.pageSize ?? 50;

  const toUser = (u: FeishuUser): ImUserRecord => ({
    id: String(u[idType] ?? u.user_id ?? u.open_id),
    name: u.name,
    email: u.email || undefined,
    mobile: u.mobile || undefined,
    title: u.job_title || undefined,
    employeeNo: u.employee_no || undefined,
    groupIds: u.department_ids ?? [],
    mainGroupId: u.department_ids?.[0],
    enabled: !u.status?.is_frozen && !u.status?.is_resigned,
    ...(u.leader_user_id !== undefined ? { managerId: u.leader_user_id } : {}),
  });

  async function* paged<T>(
    path: string,
    query: Record<string, string | number | undefined>,
    key = "items",
  ): AsyncIterable<T> {
    let pageToken: string | undefined;
    do {
      const data = await client.call<
        { has_more?: boolean; page_token?: string } & Record<string, unknown>
      >({ method: "GET", path, query: { ...query, page_size: pageSize, page_token: pageToken } });
      yield* (data[key] as T[] | undefined) ?? [];
      pageToken = data.has_more ? data.page_token : undefined;
    } while (pageToken);
  }

  async function* listGroups(): AsyncIterable<ImGroupRecord> {
    for await (const d of paged<FeishuDept>(`/contact/v3/departments/${ROOT}/children`, {
      ...ids,
      fetch_child: "true",
    })) {
      yield {
        id: d.department_id,
        name: d.name,
        nameEn: d.i18n_name?.en_us,
        parentId: d.parent_department_id === ROOT ? undefined : d.parent_department_id,
        order: d.order ? Number(d.order) : undefined,
      };
    }
  }

  async function* listUsers(): AsyncIterable<ImUserRecord> {
    // find_by_department returns direct members only: walk the root and every department, once per user.
    const seen = new Set<string>();
    const deptIds = [ROOT];
    for await (const g of listGroups()) deptIds.push(g.id);
    for (const department_id of deptIds) {
      for await (const u of paged<FeishuUser>("/contact/v3/users/find_by_department", {
        ...ids,
        department_id,
      })) {
        const user = toUser(u);
        if (!seen.has(user.id)) {
          seen.add(user.id);
          yield user;
        }
      }
    }
  }

  const getUser = async (id: string) => {
    try {
      const data = await client.call<{ user: FeishuUser }>({
        method: "GET",
        path: `/contact/v3/users/${encodeURIComponent(id)}`,
        query: ids,
      });
      return toUser(data.user);
    } catch (err) {
      if (err instanceof ConnectorError && (err.kind === "not_found" || err.code === "41050"))
        return null;
      throw err;
    }
  };

  const patchUser = (id: string, json: object) =>
    client.call({
      method: "PATCH",
      path: `/contact/v3/users/${encodeURIComponent(id)}`,
      query: ids,
      json,
    });

  return {
    provider: "feishu",
    capabilities: feishuCapabilities,
    testConnection: () =>
      runConnectionTest(async () => {
        await client.refreshToken();
        return `Connected as app ${config.appId}`;
      }),
    listGroups,
    async createGroup(input) {
      const data = await client.call<{ department: FeishuDept }>({
        method: "POST",
        path: "/contact/v3/departments",
        query: { ...ids, client_token: randomUUID() },
        json: {
          name: input.name,
          i18n_name: input.nameEn ? { en_us: input.nameEn } : undefined,
          parent_department_id: input.parentId ?? ROOT,
          department_id: input.id,
          order: input.order === undefined ? undefined : String(input.order),
        },
      });
      return {
        id: data.department.department_id,
        name: input.name,
        nameEn: input.nameEn,
        parentId: input.parentId,
        order: input.order,
      };
    },
    async updateGroup(id, patch) {
      await client.call({
        method: "PATCH",
        path: `/contact/v3/departments/${encodeURIComponent(id)}`,
        query: ids,
        json: {
          name: patch.name,
          i18n_name: patch.nameEn ? { en_us: patch.nameEn } : undefined,
          parent_department_id: patch.parentId,
          order: patch.order === undefined ? undefined : String(patch.order),
        },
      });
    },
    async deleteGroup(id) {
      await client.call({
        method: "DELETE",
        path: `/contact/v3/departments/${encodeURIComponent(id)}`,
        query: ids,
      });
    },
    async *listUserRefs() {
      for await (const u of listUsers()) yield { id: u.id, groupIds: u.groupIds };
    },
    listUsers,
    getUser,
    async createUser(input) {
      const data = await client.call<{ user: FeishuUser }>({
        method: "POST",
        path: "/contact/v3/users",
        query: { ...ids, client_token: randomUUID() },
        json: {
          user_id: input.id,
          name: input.name,
          mobile: input.mobile,
          email: input.email,
          job_title: input.title,
          employee_no: input.employeeNo,
          department_ids: input.groupIds.length ? input.groupIds : [ROOT],
          employee_type: 1,
          leader_user_id: input.managerId,
        },
      });
      return toUser({ ...data.user, name: data.user.name ?? input.name });
    },
    async updateUser(id, patch) {
      await patchUser(id, {
        name: patch.name,
        mobile: patch.mobile,
        email: patch.email,
        job_title: patch.title,
        employee_no: patch.employeeNo,
        department_ids: patch.groupIds,
        is_frozen: patch.enabled === undefined ? undefined : !patch.enabled,
        // "" clears the leader (unverified).
        leader_user_id: patch.managerId === undefined ? undefined : (patch.managerId ?? ""),
      });
    },
    async disableUser(id) {
      // Freezing keeps the account and its data (unverified: PATCH accepts is_frozen for tenant tokens).
      await patchUser(id, { is_frozen: true });
    },
    async deleteUser(id) {
      await client.call({
        method: "DELETE",
        path: `/contact/v3/users/${encodeURIComponent(id)}`,
        query: { user_id_type: idType },
        json: {},
      });
    },
    async setGroupMembership(userId, groupIds, options = {}) {
      let target = groupIds;
      if (options.managedGroupIds) {
        const current = await getUser(userId);
        if (!current)
          throw new ConnectorError({
            kind: "not_found",
            platform: "feishu",
            code: "404",
            message: `user ${userId} not found`,
          });
        const managed = new Set(options.managedGroupIds);
        target = [
          ...current.groupIds.filter((g) => !managed.has(g)),
          ...groupIds.filter((g) => managed.has(g)),
        ];
      }
      const main = options.mainGroupId;
      await patchUser(userId, {
        department_ids:
          main && target.includes(main) ? [main, ...target.filter((g) => g !== main)] : target,
      });
    },
    async sendMessage(message: ImMessage): Promise<SendMessageResult> {
      const { msg_type, content } = feishuContent(message);
      const result: SendMessageResult = { messageIds: [], invalidRecipients: [], truncated: false };
      for (const receive_id of message.to) {
        try {
          const data = await client.call<{ message_id: string }>({
            method: "POST",
            path: "/im/v1/messages",
            query: { receive_id_type: idType },
            // uuid dedupes retries of the same message to the same person (Feishu keeps it 1 h).
            json: {
              receive_id,
              msg_type,
              content,
              uuid: message.idempotencyKey
                ? `${message.idempotencyKey}:${receive_id}`.slice(0, 50)
                : undefined,
            },
          });
          result.messageIds.push(data.message_id);
        } catch (err) {
          if (err instanceof ConnectorError && (err.kind === "not_found" || err.kind === "invalid"))
            result.invalidRecipients.push(receive_id);
          else throw err;
        }
      }
      result.messageId = result.messageIds[0];
      return result;
    },
  };
}

/** `content` is a JSON-encoded string; markdown and cards go out as interactive cards. */
export function feishuContent(message: ImMessage): { msg_type: string; content: string } {
  if (message.format === "text")
    return {
      msg_type: "text",
      content: JSON.stringify({
        text: message.title ? `${message.title}\n${message.text}` : message.text,
      }),
    };
  const elements: object[] = [{ tag: "markdown", content: message.text }];
  if (message.url)
    elements.push({
      tag: "action",
      actions: [
        {
          tag: "button",
          text: { tag: "plain_text", content: message.buttonText ?? "查看" },
          url: message.url,
          type: "primary",
        },
      ],
    });
  return {
    msg_type: "interactive",
    content: JSON.stringify({
      config: { wide_screen_mode: true },
      header: message.title ? { title: { tag: "plain_text", content: message.title } } : undefined,
      elements,
    }),
  };
}
