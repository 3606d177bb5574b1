import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it, vi, type MockInstance } from "vitest";
import { generateSecret } from "@/lib/callbacks/rules/generate-secret";
import { signCallback, type SignCallbackOptions } from "@/lib/callbacks/rules/sign-callback";
import { renderCatalogueTable, renderScheduleTable } from "../rules/render-receiver-guide-tables";

const REGENERATE = "out of date: run `node --import tsx scripts/update-receiver-guide.ts`";

// The English guide and its Chinese translation: each must tell the truth on its own.
describe.each(["docs/callbacks-receiver.md", "docs/callbacks-receiver.zh-CN.md"])("%s", (file) => {
  const doc = readFileSync(path.join(process.cwd(), file), "utf8");
  const section = (name: string) =>
    doc
      .slice(
        doc.indexOf(`<!-- ${name}:start -->`) + `<!-- ${name}:start -->`.length,
        doc.indexOf(`<!-- ${name}:end -->`),
      )
      .trim();

  it("lists the real event catalogue and retry schedules", () => {
    expect(section("catalogue"), `catalogue table ${REGENERATE}`).toBe(renderCatalogueTable());
    expect(section("schedules"), `schedule table ${REGENERATE}`).toBe(renderScheduleTable());
  });

  describe("its Node receiver, run as written", () => {
    const secret = generateSecret();
    let server: Server;
    let url: string;
    let dir: string;
    const examId = `EX-${Math.random().toString(36).slice(2, 8)}`;
    let log: MockInstance<typeof console.log>;

    beforeAll(async () => {
      log = vi.spyOn(console, "log").mockImplementation(() => {});
      const snippet = /```ts\n([\s\S]*?)```/.exec(doc)?.[1];
      expect(snippet, "the Node snippet").toBeTruthy();
      // Run it from a temp folder, with the library the project has installed.
      const library = pathToFileURL(
        createRequire(import.meta.url).resolve("standardwebhooks"),
      ).href;
      dir = mkdtempSync(path.join(tmpdir(), "receiver-guide-"));
      const file = path.join(dir, "receiver.ts");
      writeFileSync(
        file,
        snippet!.replace(`from "standardwebhooks"`, `from ${JSON.stringify(library)}`),
      );
      process.env.ORGBRIDGE_WEBHOOK_SECRET = secret;
      process.env.PORT = "0";
      server = ((await import(/* @vite-ignore */ pathToFileURL(file).href)) as { server: Server })
        .server;
      if (!server.listening) await new Promise((resolve) => server.once("listening", resolve));
      url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    });
    afterAll(async () => {
      log.mockRestore();
      await new Promise((resolve) => server?.close(resolve));
      rmSync(dir, { recursive: true, force: true });
    });

    const event = (overrides: Partial<SignCallbackOptions> = {}) =>
      signCallback({
        id: `evt_${Math.random().toString(36).slice(2)}`,
        type: "learning.exam.passed",
        timestamp: "2026-03-10T08:15:00.000Z",
        data: { employeeNo: "E10023", examId, score: 92 },
        secret,
        ...overrides,
      });
    const post = (signed: { body: string; headers: Record<string, string> }) =>
      fetch(url, { method: "POST", body: signed.body, headers: signed.headers });
    const received = () =>
      log.mock.calls.filter(
        ([what, , data]) => what === "received" && (data as { examId?: string }).examId === examId,
      );

    it("accepts a callback signed by OrgBridge, once per webhook-id", async () => {
      const signed = event();
      expect((await post(signed)).status).toBe(204);
      expect((await post(signed)).status).toBe(204);
      expect(received()).toHaveLength(1);
      expect(received()[0][1]).toBe("learning.exam.passed");
    });

    it("accepts both signatures during a rotation while the receiver still has the old secret", async () => {
      const signed = event({
        secret: generateSecret(),
        previousSecret: secret,
        previousSecretExpiresAt: new Date(Date.now() + 3_600_000),
      });
      expect(signed.headers["webhook-signature"].split(" ")).toHaveLength(2);
      expect((await post(signed)).status).toBe(204);
    });

    it.each([
      [
        "a tampered body",
        () => {
          const s = event();
          return { ...s, body: s.body.replace("92", "99") };
        },
      ],
      ["a wrong secret", () => event({ secret: generateSecret() })],
      ["a timestamp older than 5 minutes", () => event({ now: new Date(Date.now() - 6 * 60_000) })],
      [
        "a missing signature",
        () => {
          const s = event();
          const { "webhook-signature": _drop, ...headers } = s.headers;
          return { ...s, headers };
        },
      ],
    ])("refuses %s with 400", async (_what, make) => {
      const before = received().length;
      expect((await post(make())).status).toBe(400);
      expect(received()).toHaveLength(before);
    });
  });
});
