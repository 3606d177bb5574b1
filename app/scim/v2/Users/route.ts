import { handleScimRequest } from "@/lib/scim/api/handle-scim-request";

export const dynamic = "force-dynamic";

/** GET (list, filter, page) and POST (create) /scim/v2/Users — RFC 7644; bearer token of a SCIM connection. */
const handle = (request: Request) => handleScimRequest(request, { endpoint: "Users" });

export { handle as GET, handle as POST, handle as PUT, handle as PATCH, handle as DELETE };
