import { answerTokenRequest } from "@/lib/oauth/commands/answer-token-request";

export const dynamic = "force-dynamic";

/**
 * POST /api/oauth/token — OAuth 2.0 client credentials grant (RFC 6749 §4.4): a form body with
 * grant_type=client_credentials and an optional scope, the client authenticated by HTTP Basic or
 * client_id/client_secret in the body. Answers a short-lived Bearer access token for /api/v1.
 */
export async function POST(request: Request): Promise<Response> {
  return answerTokenRequest(request);
}
