import { randomInt } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { collect } from "../core/collect";
import { ConnectorError } from "../core/connector-error";
import { createWecomTarget } from "../im/wecom/create-wecom-target";
import type { ImTarget } from "../types";
import { createFakeClock } from "./fake-clock";
import type { WecomFaults } from "./fake-wecom-server";

/** A WeCom-compatible server under test (the recorded-shape fake, or sandbox/im). */
export type WecomHarness = {
  baseUrl: string;
  corpId: string;
  corpSecret: string;
  agentId: number;
  faults: WecomFaults;
  close: () => Promise<void>;
};

const rand = () => randomInt(10_000_000, 99_999_999);

async function expectConnectorError(
  promise: Promise<unknown>,
  kind: ConnectorError["kind"],
  code?: string,
) {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ConnectorError);
  expect((err as ConnectorError).kind).toBe(kind);
  if (code) expect((err as ConnectorError).code).toBe(code);
}

/**
 * The WeCom connector contract, run against any WeCom-shaped server. Waits use a fake clock,
 * so backoff is asserted by count, never by elapsed time.
 */
export function describeWecomContract(name: string, setup: () => Promise<WecomHarness>) {
  describe(`WeCom connector contract — ${name}`, () => {
    let h: WecomHarness;
    let target: ImTarget;
    const clock = createFakeClock();
    const tag = `c${rand()}`;
    const mobile = () => `139${rand()}`;

    beforeAll(async () => {
      h = await setup();
      target = createWecomTarget(
        { baseUrl: h.baseUrl, corpId: h.corpId, agentId: h.agentId, rateLimit: false },
        { contactSecret: h.corpSecret },
        { clock, pageSize: 3, retry: { maxAttempts: 4 } },
      );
    });
    afterAll(() => h?.close());

    it("reports a healthy connection, and a wrong secret as an auth failure despite HTTP 200", async () => {
      expect((await target.testConnection()).ok).toBe(true);
      const bad = createWecomTarget(
        { baseUrl: h.baseUrl, corpId: h.corpId, agentId: h.agentId, rateLimit: false },
        { contactSecret: "wrong" },
        { clock },
      );
      const result = await bad.testConnection();
      expect(result).toMatchObject({ ok: false, code: "40001" });
    });

    let parent: string;
    let child: string;
    it("creates, renames, lists and refuses to delete non-empty departments", async () => {
      parent = (await target.createGroup({ name: `${tag}-研发中心` })).id;
      child = (await target.createGroup({ name: `${tag}-前端组`, parentId: parent, order: 2 })).id;
      await expectConnectorError(
        target.createGroup({ name: `${tag}-前端组`, parentId: parent }),
        "conflict",
        "60008",
      );
      await target.updateGroup(child, { name: `${tag}-Web 组` });
      const groups = await collect(target.listGroups());
      expect(groups).toContainEqual(
        expect.objectContaining({ id: child, name: `${tag}-Web 组`, parentId: parent }),
      );
      expect(groups.find((g) => g.id === "1")?.parentId).toBeUndefined();
      await expectConnectorError(target.deleteGroup(parent), "conflict", "60006");
      await expectConnectorError(target.updateGroup("987654", { name: "x" }), "not_found", "60003");
    });

    const ids = [`${tag}-Zhang.San`, `${tag}-li_si`, `${tag}-wang@wu`, `${tag}-zhao-liu`];
    it("creates users and enforces userid (case-insensitive), mobile and email uniqueness", async () => {
      const m0 = mobile();
      const created = await target.createUser({
        id: ids[0],
        name: "张三",
        mobile: m0,
        email: `${tag}.zs@example.com`,
        title: "工程师",
        groupIds: [child],
      });
      expect(created.id).toBe(ids[0]);
      for (const id of ids.slice(1))
        await target.createUser({ id, name: id, mobile: mobile(), groupIds: [child, parent] });
      await expectConnectorError(
        target.createUser({
          id: ids[0].toUpperCase(),
          name: "x",
          mobile: mobile(),
          groupIds: [child],
        }),
        "conflict",
        "60102",
      );
      await expectConnectorError(
        target.createUser({ id: `${tag}-dup-m`, name: "x", mobile: m0, groupIds: [child] }),
        "conflict",
        "60104",
      );
      await expectConnectorError(
        target.createUser({
          id: `${tag}-dup-e`,
          name: "x",
          email: `${tag}.zs@example.com`,
          groupIds: [child],
        }),
        "conflict",
        "60106",
      );
      await expectConnectorError(
        target.createUser({ id: `${tag}-noc`, name: "x", groupIds: [child] }),
        "invalid",
        "60129",
      );
      expect(await target.getUser(ids[0].toLowerCase())).toMatchObject({
        name: "张三",
        title: "工程师",
        groupIds: [child],
        enabled: true,
      });
      expect(await target.getUser(`${tag}-nobody`)).toBeNull();
      await expectConnectorError(target.deleteGroup(child), "conflict", "60005");
    });

    it("sets and clears a member's direct leader, which user/get reports back", async () => {
      await target.updateUser(ids[1], { managerId: ids[0] });
      expect((await target.getUser(ids[1]))?.managerId).toBe(ids[0]);
      await target.updateUser(ids[1], { managerId: null });
      expect((await target.getUser(ids[1]))?.managerId).toBe("");
    });

    it("pages through list_id to the end", async () => {
      const refs = await collect(target.listUserRefs());
      const mine = refs.filter((r) => r.id.startsWith(tag));
      expect(mine.map((r) => r.id).sort()).toEqual([...ids].sort());
      expect(mine.find((r) => r.id === ids[1])?.groupIds.sort()).toEqual([child, parent].sort());
      const full = (await collect(target.listUsers())).filter((u) => u.id.startsWith(tag));
      expect(full).toHaveLength(ids.length);
    });

    it("updates, moves, disables and deletes users", async () => {
      await target.updateUser(ids[1], { title: "经理" });
      await target.setGroupMembership(ids[1], [parent]);
      expect(await target.getUser(ids[1])).toMatchObject({
        title: "经理",
        groupIds: [parent],
        mainGroupId: parent,
      });
      await target.setGroupMembership(ids[1], [child], { managedGroupIds: [child] });
      expect((await target.getUser(ids[1]))?.groupIds.sort()).toEqual([child, parent].sort());
      await target.disableUser(ids[2]);
      expect((await target.getUser(ids[2]))?.enabled).toBe(false);
      await target.deleteUser(ids[3]);
      expect(await target.getUser(ids[3])).toBeNull();
      await expectConnectorError(target.deleteUser(ids[3]), "not_found", "60111");
    });

    it("sends messages and reports invalid recipients", async () => {
      const sent = await target.sendMessage({
        to: [ids[0], ids[1], ids[2], `${tag}-ghost`],
        format: "text",
        text: "工资条已发放",
      });
      expect(sent.messageId).toBeTruthy();
      expect(sent.invalidRecipients.sort()).toEqual([ids[2], `${tag}-ghost`].sort());
      const none = await target.sendMessage({
        to: [`${tag}-ghost`],
        format: "markdown",
        text: "**hi**",
      });
      expect(none).toMatchObject({ messageId: undefined, invalidRecipients: [`${tag}-ghost`] });
      const long = await target.sendMessage({
        to: [ids[0]],
        format: "text",
        text: "长".repeat(1_000),
      });
      expect(long.truncated).toBe(true);
      const card = await target.sendMessage({
        to: [ids[0]],
        format: "card",
        title: "绩效",
        text: "请填写",
        url: "https://example.com/r",
      });
      expect(card.invalidRecipients).toEqual([]);
    });

    it("refreshes an expired token once and carries on", async () => {
      await target.getUser(ids[0]);
      const before = h.faults.tokenFetches();
      await h.faults.expireTokens();
      expect(await target.getUser(ids[0])).not.toBeNull();
      expect(h.faults.tokenFetches()).toBe(before + 1);
    });

    it("fetches a new token before the old one expires", async () => {
      const before = h.faults.tokenFetches();
      clock.advance(7_200_000);
      await target.getUser(ids[0]);
      expect(h.faults.tokenFetches()).toBe(before + 1);
    });

    it.each([
      [45009, "frequency"],
      [45033, "concurrency"],
      [-1, "busy"],
    ])("backs off on %i (%s) and succeeds", async (errcode) => {
      const sleepsBefore = clock.sleeps.length;
      h.faults.failNext(2, errcode);
      expect(await target.getUser(ids[0])).not.toBeNull();
      expect(clock.sleeps.length - sleepsBefore).toBe(2);
    });

    it("gives up after the retry budget with a throttled error", async () => {
      h.faults.failNext(4, 45009);
      await expectConnectorError(target.getUser(ids[0]), "throttled", "45009");
      h.faults.failNext(0);
    });

    it("deletes emptied departments", async () => {
      for (const id of ids.slice(0, 3)) await target.deleteUser(id);
      await target.deleteGroup(child);
      await target.deleteGroup(parent);
      const groups = await collect(target.listGroups());
      expect(groups.some((g) => g.id === parent)).toBe(false);
    });
  });
}
