import { handleScimRequest } from "@/lib/scim/api/handle-scim-request";

export const dynamic = "force-dynamic";

/** GET /scim/v2/ServiceProviderConfig — what this SCIM service provider supports (RFC 7643 §5). */
export const GET = (request: Request) =>
  handleScimRequest(request, { endpoint: "ServiceProviderConfig" });
