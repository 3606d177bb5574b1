import { inngest } from "@/inngest/client";
import { functions } from "@/inngest/functions";
import { refuseUnparsableJson } from "@/lib/core/api/refuse-unparsable-json";
import { serveApp } from "@/inngest/serve-app";

export const dynamic = "force-dynamic";

// The real Inngest SDK handler: signature-verified registration and step calls
// from the embedded executor, self-hosted Inngest or Inngest Cloud. Bodies the SDK
// cannot parse are refused with 400 first (it would throw: a 500).
const handlers = serveApp({ client: inngest, functions });
export const GET = handlers.GET;
export const POST = refuseUnparsableJson(handlers.POST);
export const PUT = refuseUnparsableJson(handlers.PUT);
