import { WebClient } from "@slack/web-api";
import { ConnectorError } from "../../core/connector-error";
import { createRateLimiter } from "../../core/rate-limiter";
import type { ConnectorRuntimeOptions } from "../../core/runtime-options";
import { scimList, scimRequest, type ScimListResponse } from "../../core/scim-request";
import { runConnectionTest } from "../../core/test-connection";
import type {
  CreateImUserInput,
  ImCapabilities,
  ImGroupRecord,
  ImMessage,
  ImTarget,
  ImUserRecord,
  SendMessageResult,
  UpdateImUserInput,
} from "../../types";
import {
  slackConfigSchema,
  slackSecretsSchema,
  type SlackConfigInput,
  type SlackSecrets,
} from "./slack-schema";
import { slackWebCall } from "./slack-web-call";

export const slackCapabilities: ImCapabilities = {
  // Slack requires an e-mail; a phone number is optional.
  privacy: { hideMobile: "omit", hideEmail: "none", seniorMode: false },
  groupKind: "channel",
  groupHierarchy: false,
  callerAssignsUserId: false,
  userIdCaseInsensitive: false,
  canDisableUser: true,
  // SCIM DELETE only deactivates: Slack never deletes a member.
  canDeleteUser: false,
  canTransferGroupOwnership: false,
  // SCIM's enterprise extension carries the manager ({value: SCIM user id}), written and read back.
  managerField: true,
  requiresContact: "email",
  messageFormats: ["text", "markdown", "card"],
  maxRecipientsPerCall: 1,
  maxTextBytes: 40_000,
};

const ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

type ScimUser = {
  id: string;
  userName: string;
  displayName?: string;
  name?: { givenName?: string; familyName?: string };
  title?: string;
  active?: boolean;
  emails?: { value: string; primary?: boolean }[];
  phoneNumbers?: { value: string; type?: string }[];
  [ENTERPRISE]?: { employeeNumber?: string; manager?: { value?: string; managerId?: string } };
};

/** Channel names: lowercase, no spaces or punctuation other than - and _, ≤ 80 characters. */
export function slackChannelName(name: string): string {
  return (
    name
      .toLowerCase()
      .replace(/[^\p{L}\p{N}_-]+/gu, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 80) || "group"
  );
}

/** Slack: channels + chat through @slack/web-api, members through SCIM v2. */
export function createSlackTarget(
  configInput: SlackConfigInput,
  secretsInput: SlackSecrets,
  runtime: ConnectorRuntimeOptions = {},
): ImTarget {
  const config = slackConfigSchema.parse(configInput);
  const secrets = slackSecretsSchema.parse(secretsInput);
  // The SDK's retries and rate-limit queueing are off: our limiter and retry are the one policy.
  const web = new WebClient(secrets.botToken, {
    slackApiUrl: config.apiUrl,
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    fetch: runtime.fetch,
    timeout: runtime.timeoutMs ?? 30_000,
  });
  const webCtx = {
    limiter:
      runtime.limiter ?? createRateLimiter({ limits: config.rateLimit, clock: runtime.clock }),
    retry: runtime.retry,
    clock: runtime.clock,
  };
  const scimCtx = {
    limiter: createRateLimiter({ limits: config.scimRateLimit, clock: runtime.clock }),
    retry: runtime.retry,
    clock: runtime.clock,
  };
  const call = <T>(method: string, args: Record<string, unknown>) =>
    slackWebCall<T>(webCtx, web, method, args);
  const scim = <T>(
    method: "GET" | "POST" | "PATCH" | "DELETE",
    path: string,
    extra: { query?: Record<string, string | number>; json?: unknown } = {},
  ) =>
    scimRequest<T>("slack", scimCtx, {
      baseUrl: config.scimUrl,
      token: secrets.scimToken,
      method,
      path,
      fetch: runtime.fetch,
      timeoutMs: runtime.timeoutMs,
      ...extra,
    });
  const pageSize = runtime.pageSize ?? 200;

  const toUser = (u: ScimUser): ImUserRecord => ({
    id: u.id,
    name:
      u.displayName ||
      [u.name?.familyName, u.name?.givenName].filter(Boolean).join("") ||
      u.userName,
    email: (u.emails?.find((e) => e.primary) ?? u.emails?.[0])?.value,
    mobile: u.phoneNumbers?.[0]?.value,
    title: u.title || undefined,
    employeeNo: u[ENTERPRISE]?.employeeNumber,
    groupIds: [],
    enabled: u.active !== false,
    managerId: u[ENTERPRISE]?.manager?.value ?? u[ENTERPRISE]?.manager?.managerId ?? "",
  });

  const scimUserBody = (input: UpdateImUserInput) => ({
    displayName: input.name,
    title: input.title,
    emails: input.email ? [{ value: input.email, primary: true }] : undefined,
    phoneNumbers: input.mobile ? [{ value: input.mobile, type: "mobile" }] : undefined,
    [ENTERPRISE]:
      input.employeeNo || input.managerId !== undefined
        ? {
            ...(input.employeeNo ? { employeeNumber: input.employeeNo } : {}),
            // An empty value clears the manager (RFC 7643 §4.3: manager is optional).
            ...(input.managerId !== undefined ? { manager: { value: input.managerId ?? "" } } : {}),
          }
        : undefined,
  });

  async function* channelsOf(userId?: string): AsyncIterable<{ id: string; name: string }> {
    let cursor: string | undefined;
    do {
      const res = await call<{
        channels?: { id: string; name: string }[];
        response_metadata?: { next_cursor?: string };
      }>(userId ? "users.conversations" : "conversations.list", {
        user: userId,
        types: "public_channel,private_channel",
        exclude_archived: true,
        limit: pageSize,
        cursor,
      });
      yield* res.channels ?? [];
      cursor = res.response_metadata?.next_cursor || undefined;
    } while (cursor);
  }

  async function* listUsers(): AsyncIterable<ImUserRecord> {
    for await (const u of scimList<ScimUser>(
      (startIndex, count) =>
        scim<ScimListResponse<ScimUser>>("GET", "/Users", { query: { startIndex, count } }),
      runtime.pageSize ?? 100,
    ))
      yield toUser(u);
  }

  async function setGroupMembership(
    userId: string,
    groupIds: string[],
    options: { managedGroupIds?: string[] } = {},
  ) {
    const current: string[] = [];
    for await (const c of channelsOf(userId)) current.push(c.id);
    const managed = options.managedGroupIds ? new Set(options.managedGroupIds) : undefined;
    for (const channel of groupIds.filter((g) => !current.includes(g))) {
      await call("conversations.invite", { channel, users: userId }).catch((err) => {
        if (!(err instanceof ConnectorError && err.code === "already_in_channel")) throw err;
      });
    }
    for (const channel of current.filter(
      (g) => !groupIds.includes(g) && (!managed || managed.has(g)),
    )) {
      await call("conversations.kick", { channel, user: userId }).catch((err) => {
        // #general cannot be left; that is not a sync failure.
        if (!(
          err instanceof ConnectorError &&
          (err.code === "cant_kick_from_general" || err.code === "not_in_channel")
        ))
          throw err;
      });
    }
  }

  return {
    provider: "slack",
    capabilities: slackCapabilities,
    testConnection: () =>
      runConnectionTest(async () => {
        const auth = await call<{ team?: string; user?: string }>("auth.test", {});
        await scim("GET", "/Users", { query: { startIndex: 1, count: 1 } });
        return `Connected to workspace ${auth.team ?? "?"} as ${auth.user ?? "bot"}; SCIM reachable`;
      }),
    async *listGroups() {
      for await (const c of channelsOf()) yield { id: c.id, name: c.name } satisfies ImGroupRecord;
    },
    async createGroup(input) {
      const res = await call<{ channel: { id: string; name: string } }>("conversations.create", {
        name: slackChannelName(input.name),
        is_private: config.privateChannels,
      });
      return { id: res.channel.id, name: res.channel.name };
    },
    async updateGroup(id, patch) {
      if (patch.name)
        await call("conversations.rename", { channel: id, name: slackChannelName(patch.name) });
    },
    async deleteGroup(id) {
      // Slack channels are archived, not deleted.
      await call("conversations.archive", { channel: id });
    },
    async *listUserRefs() {
      for await (const u of listUsers()) yield { id: u.id, groupIds: [] };
    },
    listUsers,
    async getUser(id) {
      try {
        return toUser(await scim<ScimUser>("GET", `/Users/${encodeURIComponent(id)}`));
      } catch (err) {
        if (err instanceof ConnectorError && err.kind === "not_found") return null;
        throw err;
      }
    },
    async createUser(input: CreateImUserInput) {
      if (!input.email)
        throw new ConnectorError({
          kind: "invalid",
          platform: "slack",
          code: "email_required",
          message: "Slack needs an email to create a member",
        });
      const created = await scim<ScimUser>("POST", "/Users", {
        json: {
          schemas: ["urn:ietf:params:scim:schemas:core:2.0:User", ENTERPRISE],
          userName: input.email.split("@")[0],
          active: true,
          ...scimUserBody(input),
        },
      });
      if (input.groupIds.length) await setGroupMembership(created.id, input.groupIds);
      return { ...toUser(created), groupIds: input.groupIds };
    },
    async updateUser(id, patch) {
      const value = { ...scimUserBody(patch), active: patch.enabled };
      const operations = Object.entries(value)
        .filter(([, v]) => v !== undefined)
        .map(([path, v]) => ({ op: "replace", path, value: v }));
      if (operations.length)
        await scim("PATCH", `/Users/${encodeURIComponent(id)}`, {
          json: {
            schemas: ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
            Operations: operations,
          },
        });
      if (patch.groupIds) await setGroupMembership(id, patch.groupIds);
    },
    async disableUser(id) {
      await scim("PATCH", `/Users/${encodeURIComponent(id)}`, {
        json: {
          schemas: ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
          Operations: [{ op: "replace", path: "active", value: false }],
        },
      });
    },
    async deleteUser(id) {
      await scim("DELETE", `/Users/${encodeURIComponent(id)}`);
    },
    setGroupMembership,
    async sendMessage(message: ImMessage): Promise<SendMessageResult> {
      const result: SendMessageResult = { messageIds: [], invalidRecipients: [], truncated: false };
      for (const user of message.to) {
        try {
          // Posting to a user id opens the app's DM with that member.
          const res = await call<{ channel: string; ts: string }>("chat.postMessage", {
            channel: user,
            ...slackMessageBody(message),
          });
          result.messageIds.push(`${res.channel}:${res.ts}`);
        } catch (err) {
          if (
            err instanceof ConnectorError &&
            [
              "channel_not_found",
              "user_not_found",
              "user_disabled",
              "cannot_dm_bot",
              "not_in_channel",
            ].includes(err.code)
          )
            result.invalidRecipients.push(user);
          else throw err;
        }
      }
      result.messageId = result.messageIds[0];
      return result;
    },
  };
}

export function slackMessageBody(message: ImMessage): {
  text: string;
  mrkdwn?: boolean;
  blocks?: object[];
} {
  const fallback = message.title ? `${message.title}\n${message.text}` : message.text;
  if (message.format === "text") return { text: fallback, mrkdwn: false };
  if (message.format === "markdown") return { text: fallback, mrkdwn: true };
  const blocks: object[] = [];
  if (message.title)
    blocks.push({
      type: "header",
      text: { type: "plain_text", text: message.title.slice(0, 150) },
    });
  blocks.push({ type: "section", text: { type: "mrkdwn", text: message.text.slice(0, 3_000) } });
  if (message.url)
    blocks.push({
      type: "actions",
      elements: [
        {
          type: "button",
          text: { type: "plain_text", text: message.buttonText ?? "Open" },
          url: message.url,
        },
      ],
    });
  return { text: fallback, blocks };
}
