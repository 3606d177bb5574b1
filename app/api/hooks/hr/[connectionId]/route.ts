import { receiveHrWebhook } from "@/lib/sync/commands/receive-hr-webhook";

export const dynamic = "force-dynamic";

/** POST /api/hooks/hr/:connectionId — changes pushed by an HR source, signed with Standard Webhooks. */
export async function POST(
  request: Request,
  context: { params: Promise<{ connectionId: string }> },
): Promise<Response> {
  const { connectionId } = await context.params;
  const result = await receiveHrWebhook({
    connectionId,
    headers: request.headers,
    body: await request.text(),
  });
  return Response.json(result.body, { status: result.status });
}
