import { readLimitedBody } from "@/lib/core/api/read-limited-body";
import { AppError } from "@/lib/core/errors";
import { MAX_HR_WEBHOOK_BYTES, receiveHrWebhook } from "@/lib/sync/commands/receive-hr-webhook";

export const dynamic = "force-dynamic";

/**
 * POST /api/hooks/hr/:connectionId — changes pushed by an HR source, signed with Standard
 * Webhooks. The body is read as bytes (the signature covers them; UTF-8 is checked after it) and
 * reading stops at the size limit.
 */
export async function POST(
  request: Request,
  context: { params: Promise<{ connectionId: string }> },
): Promise<Response> {
  const { connectionId } = await context.params;
  let body: Uint8Array;
  try {
    body = await readLimitedBody(request, MAX_HR_WEBHOOK_BYTES);
  } catch (err) {
    if (err instanceof AppError)
      return Response.json(
        { accepted: false, error: { code: err.code, message: err.message } },
        { status: err.status },
      );
    return Response.json(
      { accepted: false, error: { code: "malformed", message: "The body could not be read" } },
      { status: 400 },
    );
  }
  const result = await receiveHrWebhook({ connectionId, headers: request.headers, body });
  return Response.json(result.body, { status: result.status });
}
