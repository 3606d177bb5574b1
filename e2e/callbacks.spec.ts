import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Webhook } from "standardwebhooks";
import type { Page } from "@playwright/test";
import { expect, storageFor, test } from "./fixtures";

test.use({ storageState: storageFor("it") });

type Received = { headers: IncomingHttpHeaders; body: string };

/** A receiving system on a free local port that records every request and answers `status` (204). */
async function startReceiver(status = 204) {
  const received: Received[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
      res.writeHead(status).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    received,
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/orgbridge`,
    close: () => new Promise((r) => server.close(r)),
  };
}

/** The receivers are on loopback over http: allow exactly that in the network policy (adds, never removes). */
async function allowLocalReceivers(page: Page) {
  await page.goto("/callbacks");
  const allowList = page.getByLabel("Allow-list");
  const current = await allowList.inputValue();
  if (!current.split(/[\s,]+/).includes("127.0.0.1"))
    await allowList.fill(`${current}\n127.0.0.1`.trim());
  await page.getByLabel("Allow plain http://").check();
  await page.getByRole("button", { name: "Save policy" }).click();
  await expect(page.getByText("Network policy saved")).toBeVisible();
}

async function fillEndpoint(page: Page, name: string, url: string) {
  await page.getByRole("textbox", { name: "Name", exact: true }).fill(name);
  await page.getByLabel("URL", { exact: true }).fill(url);
  await page.getByRole("checkbox", { name: /learning\.exam\.passed/ }).check();
  await page.getByRole("checkbox", { name: /sync\.completed/ }).check();
  await page.getByRole("button", { name: "Create endpoint" }).click();
}

const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

test("IT creates an endpoint, sees its secret once, sends a test event that a standardwebhooks receiver verifies, and rotates the secret", async ({
  page,
}) => {
  const receiver = await startReceiver();
  try {
    await allowLocalReceivers(page);
    const name = `E2E receiver ${unique()}`;
    await page.getByRole("link", { name: "New endpoint" }).click();
    await fillEndpoint(page, name, receiver.url);

    const dialog = page.getByRole("dialog", { name: `Signing secret for ${name}` });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByText("It is shown only once")).toBeVisible();
    const secret = (await dialog.getByTestId("endpoint-secret").textContent())!.trim();
    expect(secret).toMatch(/^whsec_/);
    await dialog.getByRole("button", { name: "I have stored the secret" }).click();
    await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
    const endpointId = new URL(page.url()).pathname.split("/").pop()!;

    // Shown once: not on the endpoint page, not after a reload.
    await page.reload();
    expect(await page.content()).not.toContain(secret);

    await page.getByRole("button", { name: "Send test event" }).click();
    const toast = page.getByText(/^Test event \S+ queued$/);
    await expect(toast).toBeVisible();
    const eventId = /^Test event (\S+) queued$/.exec((await toast.textContent())!)![1];
    const row = page.getByRole("row").filter({ hasText: eventId });
    await expect(row).toContainText("Succeeded", { timeout: 45_000 });
    await expect(row).toContainText("204");

    // The receiver got it, and the standardwebhooks library (not our code) verifies it.
    const request = receiver.received.find((r) => r.headers["webhook-id"] === eventId)!;
    expect(request).toBeTruthy();
    const event = new Webhook(secret).verify(
      request.body,
      request.headers as Record<string, string>,
    ) as { type: string; data: { endpointId: string } };
    expect(event.type).toBe("webhook.test");
    expect(event.data.endpointId).toBe(endpointId);
    expect(() =>
      new Webhook(secret).verify(
        request.body.replace("webhook.test", "webhook.tset"),
        request.headers as Record<string, string>,
      ),
    ).toThrow();

    // The attempt log masks the signature.
    await row.getByRole("link", { name: `Details of delivery ${eventId}` }).click();
    await expect(page.getByRole("heading", { name: "Attempt 1" })).toBeVisible();
    await expect(page.getByText(/^v1,\S{6}••••$/)).toBeVisible();
    await page.getByRole("link", { name: `Back to ${name}` }).click();

    // Rotate with an overlap: a new secret shown once, both signatures sent meanwhile.
    await page.getByRole("button", { name: "Rotate secret" }).click();
    await page.getByLabel("Overlap").selectOption({ label: "1 day" });
    await page.getByRole("button", { name: "Rotate", exact: true }).click();
    const rotated = page.getByRole("dialog", { name: `New signing secret for ${name}` });
    const newSecret = (await rotated.getByTestId("endpoint-secret").textContent())!.trim();
    expect(newSecret).not.toBe(secret);
    await rotated.getByRole("button", { name: "I have stored the secret" }).click();
    await expect(page.getByText(/Previous secret valid until/)).toBeVisible();

    await page.getByRole("button", { name: "Send test event" }).click();
    const second = page.getByText(/^Test event \S+ queued$/).filter({ hasNotText: eventId });
    await expect(second).toBeVisible();
    const secondId = /^Test event (\S+) queued$/.exec((await second.textContent())!)![1];
    await expect(page.getByRole("row").filter({ hasText: secondId })).toContainText("Succeeded", {
      timeout: 45_000,
    });
    const again = receiver.received.find((r) => r.headers["webhook-id"] === secondId)!;
    expect(String(again.headers["webhook-signature"]).split(" ")).toHaveLength(2);
    for (const s of [newSecret, secret])
      expect(() =>
        new Webhook(s).verify(again.body, again.headers as Record<string, string>),
      ).not.toThrow();

    // The list shows it with its last delivery and a success figure.
    await page.goto("/callbacks");
    const listed = page.getByRole("row").filter({ hasText: name });
    await expect(listed).toContainText("Enabled");
    await expect(listed).toContainText("100% of 2 attempts");
  } finally {
    await receiver.close();
  }
});

test("a URL that points at the cloud metadata address is refused on the URL field", async ({
  page,
}) => {
  await page.goto("/callbacks/new");
  await page.getByRole("textbox", { name: "Name", exact: true }).fill(`E2E metadata ${unique()}`);
  await page.getByLabel("URL", { exact: true }).fill("http://169.254.169.254/latest/meta-data/");
  await page.getByRole("checkbox", { name: /sync\.completed/ }).check();
  await page.getByRole("button", { name: "Create endpoint" }).click();
  const url = page.getByLabel("URL", { exact: true });
  await expect(url).toHaveAttribute("aria-invalid", "true");
  await expect(page.locator("#endpoint-url-error")).toContainText("URL refused");
  await expect(page.getByRole("dialog")).toHaveCount(0);
});

test("a form without event types names the field before anything is saved", async ({ page }) => {
  await page.goto("/callbacks/new");
  await page.getByRole("textbox", { name: "Name", exact: true }).fill(`E2E no types ${unique()}`);
  await page.getByLabel("URL", { exact: true }).fill("https://oa.example.com/hooks");
  await page.getByRole("button", { name: "Create endpoint" }).click();
  await expect(page.getByText("Choose at least one event type")).toBeVisible();
});

test("a receiver answering 410 Gone unsubscribes the endpoint: highlighted, bannered, and deletable", async ({
  page,
}) => {
  const receiver = await startReceiver(410);
  try {
    await allowLocalReceivers(page);
    const name = `E2E gone ${unique()}`;
    await page.goto("/callbacks/new");
    await fillEndpoint(page, name, receiver.url);
    await page
      .getByRole("dialog")
      .getByRole("button", { name: "I have stored the secret" })
      .click();
    await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
    await page.getByRole("button", { name: "Send test event" }).click();
    // The endpoint page is rendered on the server: load it again until the delivery has run.
    await expect(async () => {
      await page.reload();
      await expect(page.getByRole("alert").filter({ hasText: "answered 410 Gone" })).toBeVisible({
        timeout: 2_000,
      });
    }).toPass({ timeout: 50_000 });
    await expect(page.getByText("Unsubscribed (410)")).toBeVisible();
    expect(receiver.received).toHaveLength(1);

    await page.goto("/callbacks");
    const banner = page.getByRole("alert").filter({ hasText: "disabled automatically" });
    await expect(banner.getByRole("link", { name: `Open ${name}` })).toBeVisible();
    await expect(page.getByRole("row").filter({ hasText: name })).toContainText(
      "Unsubscribed (410)",
    );
    // Elsewhere in the console, IT admins see a short bar pointing here.
    await page.goto("/tokens");
    await expect(
      page
        .getByRole("alert")
        .filter({ hasText: "disabled automatically" })
        .getByRole("link", { name: "Review data callbacks" }),
    ).toBeVisible();

    await page.goto("/callbacks");
    await banner.getByRole("link", { name: `Open ${name}` }).click();
    page.once("dialog", (d) => void d.accept());
    await page.getByRole("button", { name: "Delete" }).click();
    await expect(page.getByText("Endpoint deleted")).toBeVisible();
    await expect(page.getByRole("row").filter({ hasText: name })).toHaveCount(0);
  } finally {
    await receiver.close();
  }
});
