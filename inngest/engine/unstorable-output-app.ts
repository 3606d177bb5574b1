// The app side of unstorable-output.int.test.ts: step outputs, a step error and a run output
// holding text PostgreSQL cannot store (NUL, a lone UTF-16 surrogate).
import { Inngest } from "inngest";

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

export function createUnstorableApp() {
  const inngest = new Inngest({ id: "unstorable" });

  // Each bad step fails; the function catches what the SDK throws and returns the messages.
  const steps = inngest.createFunction(
    { id: "unstorable-steps", retries: 2, triggers: { event: "unstorable/steps" } },
    async ({ step }) => {
      const caught: Record<string, string> = {};
      const attempt = async (id: string, fn: () => unknown) => {
        try {
          await step.run(id, fn);
        } catch (e) {
          caught[id] = message(e);
        }
      };
      await attempt("nul", () => ({ a: { b: "x\u0000y" } }));
      await attempt("surrogate", () => ["ok", "\ud800"]);
      await attempt("throws", () => {
        throw new Error("bad\u0000message");
      });
      const fine = await step.run("fine", () => "stored");
      return { caught, fine };
    },
  );

  const output = inngest.createFunction(
    { id: "unstorable-output", retries: 2, triggers: { event: "unstorable/output" } },
    async ({ step }) => {
      await step.run("fine", () => 1);
      return { result: "end\u0000" };
    },
  );

  return { inngest, functions: [steps, output] };
}
