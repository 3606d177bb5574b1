import { randomBytes } from "node:crypto";
import { chunk } from "../../core/collect";
import { callPlatform } from "../../core/call-platform";
import { ConnectorError } from "../../core/connector-error";
import {
  httpRequest,
  joinUrl,
  kindForStatus,
  parseRetryAfter,
  type HttpRequestOptions,
} from "../../core/http-request";
import { createRateLimiter } from "../../core/rate-limiter";
import type { ConnectorRuntimeOptions } from "../../core/runtime-options";
import { runConnectionTest } from "../../core/test-connection";
import { createTokenCache } from "../../core/token-cache";
import { truncateUtf8 } from "../../core/truncate-utf8";
import type {
  ImCapabilities,
  ImMessage,
  ImTarget,
  ImUserRecord,
  SendMessageResult,
} from "../../types";
import {
  agoraConfigSchema,
  agoraSecretsSchema,
  type AgoraConfigInput,
  type AgoraSecrets,
} from "./agora-schema";
import { buildAgoraAppToken } from "./build-agora-app-token";

export const agoraCapabilities: ImCapabilities = {
  // Agora Chat accounts carry no contact details, so there is nothing to show.
  privacy: { hideMobile: "omit", hideEmail: "omit", seniorMode: false },
  groupKind: "chat_group",
  groupHierarchy: false,
  callerAssignsUserId: true,
  // Agora usernames are lowercase: ids are folded before use.
  userIdCaseInsensitive: true,
  canDisableUser: true,
  canDeleteUser: true,
  canTransferGroupOwnership: false,
  // Agora Chat users are a username and a password: no manager.
  managerField: false,
  requiresContact: "none",
  messageFormats: ["text"],
  maxRecipientsPerCall: 600,
  // Whole message ≤ 5 KB (413 above); leave room for the envelope.
  maxTextBytes: 4_500,
};

type AgoraUser = { username: string; nickname?: string; activated?: boolean };

/** Agora Chat REST (Easemob-compatible): app token minted locally, JSON errors `{error, error_description}`. */
export function createAgoraTarget(
  configInput: AgoraConfigInput,
  secretsInput: AgoraSecrets,
  runtime: ConnectorRuntimeOptions = {},
): ImTarget {
  const config = agoraConfigSchema.parse(configInput);
  const secrets = agoraSecretsSchema.parse(secretsInput);
  const limiter =
    runtime.limiter ?? createRateLimiter({ limits: config.rateLimit, clock: runtime.clock });
  const tokens = createTokenCache({
    clock: runtime.clock,
    fetch: async () => ({
      token: buildAgoraAppToken({
        appId: config.appId,
        appCertificate: secrets.appCertificate,
        expireSeconds: config.tokenTtlSeconds,
      }),
      expiresInSeconds: config.tokenTtlSeconds,
    }),
  });
  const root = joinUrl(config.baseUrl, `${config.orgName}/${config.appName}`);
  const pageSize = runtime.pageSize ?? 100;

  const call = <T>(
    method: HttpRequestOptions["method"],
    path: string,
    extra: Pick<HttpRequestOptions, "query" | "json"> = {},
  ) =>
    callPlatform({ limiter, tokens, retry: runtime.retry, clock: runtime.clock }, async (token) => {
      const res = await httpRequest("agora", {
        method,
        url: joinUrl(root, path),
        ...extra,
        headers: { authorization: `Bearer ${token}` },
        fetch: runtime.fetch,
        timeoutMs: runtime.timeoutMs,
      });
      const kind = kindForStatus(res.status);
      if (!kind) return res.body as T;
      const body = (res.body ?? {}) as { error?: string; error_description?: string };
      const quota =
        res.status === 403 &&
        /limit|quota|reach|exceed/i.test(`${body.error} ${body.error_description}`);
      throw new ConnectorError({
        // Agora signals quota with 403 or 429; a plain 403 is a permission problem.
        kind:
          res.status === 400 && body.error === "duplicate_unique_property_exists"
            ? "conflict"
            : quota
              ? "throttled"
              : kind,
        platform: "agora",
        code: body.error ?? String(res.status),
        message: `${method} ${path}: ${body.error_description ?? body.error ?? `HTTP ${res.status}`}`,
        status: res.status,
        retryAfterMs: parseRetryAfter(res.headers),
        tokenInvalid: res.status === 401,
      });
    });

  const toUser = (u: AgoraUser, groupIds: string[] = []): ImUserRecord => ({
    id: u.username,
    name: u.nickname || u.username,
    groupIds,
    enabled: u.activated !== false,
  });
  const uname = (id: string) => encodeURIComponent(id.toLowerCase());

  async function* cursorPages<T>(path: string, key: "entities" | "data"): AsyncIterable<T> {
    let cursor: string | undefined;
    do {
      const res = await call<{ entities?: T[]; data?: T[]; cursor?: string }>("GET", path, {
        query: { limit: pageSize, cursor },
      });
      yield* (res[key] ?? []) as T[];
      cursor = res.cursor || undefined;
    } while (cursor);
  }

  async function groupsOf(id: string): Promise<string[]> {
    const res = await call<{ data?: { groupid: string }[] }>(
      "GET",
      `/users/${uname(id)}/joined_chatgroups`,
      { query: { pagesize: 1_000, pagenum: 1 } },
    );
    return (res.data ?? []).map((g) => g.groupid);
  }

  async function getUser(id: string): Promise<ImUserRecord | null> {
    try {
      const res = await call<{ entities?: AgoraUser[] }>("GET", `/users/${uname(id)}`);
      const u = res.entities?.[0];
      return u ? toUser(u, await groupsOf(u.username)) : null;
    } catch (err) {
      if (err instanceof ConnectorError && err.kind === "not_found") return null;
      throw err;
    }
  }

  async function setGroupMembership(
    userId: string,
    groupIds: string[],
    options: { managedGroupIds?: string[] } = {},
  ) {
    const current = await groupsOf(userId);
    const managed = options.managedGroupIds ? new Set(options.managedGroupIds) : undefined;
    for (const g of groupIds.filter((g) => !current.includes(g)))
      await call("POST", `/chatgroups/${encodeURIComponent(g)}/users/${uname(userId)}`);
    for (const g of current.filter((g) => !groupIds.includes(g) && (!managed || managed.has(g))))
      await call("DELETE", `/chatgroups/${encodeURIComponent(g)}/users/${uname(userId)}`);
  }

  return {
    provider: "agora",
    capabilities: agoraCapabilities,
    testConnection: () =>
      runConnectionTest(async () => {
        await call("GET", "/users", { query: { limit: 1 } });
        return `Connected to ${config.orgName}/${config.appName}`;
      }),
    async *listGroups() {
      for await (const g of cursorPages<{ groupid: string; groupname: string }>(
        "/chatgroups",
        "data",
      ))
        yield { id: g.groupid, name: g.groupname };
    },
    async createGroup(input) {
      const res = await call<{ data: { groupid: string } }>("POST", "/chatgroups", {
        json: {
          groupname: input.name,
          description: input.nameEn ?? input.name,
          public: false,
          maxusers: 3_000,
          owner: config.groupOwner,
        },
      });
      return { id: res.data.groupid, name: input.name };
    },
    async updateGroup(id, patch) {
      if (patch.name)
        await call("PUT", `/chatgroups/${encodeURIComponent(id)}`, {
          json: { groupname: patch.name },
        });
    },
    async deleteGroup(id) {
      await call("DELETE", `/chatgroups/${encodeURIComponent(id)}`);
    },
    async *listUserRefs() {
      for await (const u of cursorPages<AgoraUser>("/users", "entities"))
        yield { id: u.username, groupIds: [] };
    },
    async *listUsers() {
      for await (const u of cursorPages<AgoraUser>("/users", "entities")) yield toUser(u);
    },
    getUser,
    async createUser(input) {
      const username = (input.id ?? input.employeeNo ?? "").toLowerCase();
      if (!username)
        throw new ConnectorError({
          kind: "invalid",
          platform: "agora",
          code: "username",
          message: "Agora needs a username (or an employee number to use as one)",
        });
      // Members never log in with this password: the app issues them user tokens.
      await call("POST", "/users", {
        json: { username, password: randomBytes(18).toString("base64url"), nickname: input.name },
      });
      if (input.groupIds.length) await setGroupMembership(username, input.groupIds);
      return { id: username, name: input.name, groupIds: input.groupIds, enabled: true };
    },
    async updateUser(id, patch) {
      if (patch.name) await call("PUT", `/users/${uname(id)}`, { json: { nickname: patch.name } });
      if (patch.enabled !== undefined)
        await call("POST", `/users/${uname(id)}/${patch.enabled ? "activate" : "deactivate"}`);
      if (patch.groupIds) await setGroupMembership(id, patch.groupIds);
    },
    async disableUser(id) {
      await call("POST", `/users/${uname(id)}/deactivate`);
    },
    async deleteUser(id) {
      await call("DELETE", `/users/${uname(id)}`);
    },
    setGroupMembership,
    async sendMessage(message: ImMessage): Promise<SendMessageResult> {
      const source = message.title
        ? `${message.title}\n${message.text}${message.url ? `\n${message.url}` : ""}`
        : message.text;
      const text = truncateUtf8(source, agoraCapabilities.maxTextBytes!);
      const result: SendMessageResult = {
        messageIds: [],
        invalidRecipients: [],
        truncated: text.truncated,
      };
      for (const to of chunk(
        message.to.map((u) => u.toLowerCase()),
        agoraCapabilities.maxRecipientsPerCall,
      )) {
        const res = await call<{ data?: Record<string, string> }>("POST", "/messages/users", {
          json: { from: config.sender, to, type: "txt", body: { msg: text.text } },
        });
        for (const user of to) {
          const id = res.data?.[user];
          if (id) result.messageIds.push(id);
          else result.invalidRecipients.push(user);
        }
      }
      result.messageId = result.messageIds[0];
      return result;
    },
  };
}
