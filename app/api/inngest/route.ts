import { inngest } from "@/inngest/client";
import { functions } from "@/inngest/functions";
import { serveApp } from "@/inngest/serve-app";

export const dynamic = "force-dynamic";

// The real Inngest SDK handler: signature-verified registration and step calls
// from the embedded executor, self-hosted Inngest or Inngest Cloud.
export const { GET, POST, PUT } = serveApp({ client: inngest, functions });
