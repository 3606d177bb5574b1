import { handleScimRequest } from "@/lib/scim/api/handle-scim-request";

export const dynamic = "force-dynamic";

/** GET (list, filter, page) and POST (create) /scim/v2/Groups — RFC 7644; bearer token of a SCIM connection. */
const handle = (request: Request) => handleScimRequest(request, { endpoint: "Groups" });

export { handle as GET, handle as POST, handle as PUT, handle as PATCH, handle as DELETE };
