import type { SandboxDb } from "../../shared/create-sandbox-db";

export type WecomHandlerContext = {
  db: SandboxDb;
  query: URLSearchParams;
  /** Parsed JSON body (POST), {} when absent. */
  body: any;
  agentId: number;
  /** Serialises writes that read-then-allocate (department ids, tree checks). */
  exclusive: <T>(fn: () => Promise<T>) => Promise<T>;
  /** True when the member may receive one more message from the app now (30/min, 1000/h). */
  admitMessage: (userid: string) => boolean;
};

export type WecomHandler = (ctx: WecomHandlerContext) => Promise<Record<string, unknown>>;
