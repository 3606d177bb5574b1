import { handleScimRequest } from "@/lib/scim/api/handle-scim-request";

export const dynamic = "force-dynamic";

/** GET /scim/v2/Schemas — discovery (RFC 7644 §4). */
export const GET = (request: Request) => handleScimRequest(request, { endpoint: "Schemas" });
