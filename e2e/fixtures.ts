import { expect, test as base, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "orgbridge";
export const PERSONAS = {
  hr: { login: "hr.admin", name: "李娜" },
  it: { login: "it.admin", name: "陈志强" },
  employee: { login: "zhang.wei", name: "张伟" },
} as const;
export type Persona = keyof typeof PERSONAS;

export const storageFor = (p: Persona) => `e2e/.auth/${p}.json`;

/** Signs in through the embedded IdP's real login page, as a person would. */
export async function signInThroughSso(page: Page, login: string, target = "/") {
  await page.goto(target);
  await page.getByRole("button", { name: "Sign in with company SSO" }).click();
  await expect(page.getByRole("heading", { name: /Sign in to Xinghe Technology/ })).toBeVisible();
  await page.getByLabel("Username or e-mail").fill(login);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
}

export const test = base;
export { expect };
