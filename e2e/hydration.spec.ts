import { expect, storageFor, test } from "./fixtures";

test.use({ storageState: storageFor("it") });

test("a server-rendered form takes no input until React hydrates it, then sees every change", async ({
  page,
}) => {
  // Hold the page's scripts, as a slow device would: until they run, the server's HTML is all
  // there is, and react-hook-form would not see a value typed into it.
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  // Scripts only: a held stylesheet would hold the page's inline scripts, and its parsing, too.
  await page.route(/\/_next\/static\/.+\.js(\?|$)/, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto("/jobs/retention", { waitUntil: "commit" });
  const form = page.getByRole("form", { name: "Retention settings" });
  const jobRuns = form.getByLabel("Job runs and steps");
  await expect(jobRuns).toBeVisible();
  await expect(jobRuns).toBeDisabled();
  await expect(form.getByRole("button", { name: "Save" })).toBeDisabled();

  release();
  await expect(jobRuns).toBeEnabled();
  await jobRuns.fill("21");
  // Both follow react-hook-form's state: it saw the change. Nothing is saved.
  await expect(form.getByTestId("retention-in-force-jobRuns")).toHaveText("21 days");
  await expect(form.getByRole("button", { name: "Save" })).toBeEnabled();
});
