import { handleScimRequest } from "@/lib/scim/api/handle-scim-request";

export const dynamic = "force-dynamic";

/** GET /scim/v2/ResourceTypes/:id — discovery (RFC 7644 §4). */
export async function GET(request: Request, context: { params: Promise<{ id: string }> }) {
  const { id } = await context.params;
  return handleScimRequest(request, { endpoint: "ResourceTypes", id });
}
