import { expect, test } from "@playwright/test";
import { PERSONAS, signInThroughSso, storageFor, type Persona } from "./fixtures";

// Signs each role in once through the real SSO flow and keeps the session for the other specs.
for (const persona of Object.keys(PERSONAS) as Persona[]) {
  test(`sign in as ${persona}`, async ({ page }) => {
    await signInThroughSso(page, PERSONAS[persona].login);
    await expect(page.getByTestId("signed-in-as")).toHaveText(PERSONAS[persona].name);
    await page.context().storageState({ path: storageFor(persona) });
  });
}
