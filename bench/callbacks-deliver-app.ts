// Child process for bench/callbacks-deliver.ts: the app side — the real callback-deliver
// function (lib/callbacks/engine) behind the real inngest/node serve handler.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { serve } from "inngest/node";
import { inngest } from "@/inngest/client";
import { callbackDeliver } from "@/inngest/functions/callback-deliver";

const server = createServer(serve({ client: inngest, functions: [callbackDeliver] }));
server.keepAliveTimeout = 65_000;
server.listen(0, "127.0.0.1", () => {
  process.send?.({ port: (server.address() as AddressInfo).port });
});
