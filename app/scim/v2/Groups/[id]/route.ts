import { handleScimRequest } from "@/lib/scim/api/handle-scim-request";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

/** GET, PUT, PATCH, DELETE /scim/v2/Groups/:id — RFC 7644; bearer token of a SCIM connection. */
async function handle(request: Request, context: Context): Promise<Response> {
  const { id } = await context.params;
  return handleScimRequest(request, { endpoint: "Groups", id });
}

export { handle as GET, handle as POST, handle as PUT, handle as PATCH, handle as DELETE };
