import { openApiDocument } from "@/lib/developers/openapi-document";

export const dynamic = "force-dynamic";

/** GET /api/v1/openapi.json — the OpenAPI 3.1 document of this API; public, like the docs. */
export async function GET(): Promise<Response> {
  return Response.json(openApiDocument(), {
    headers: { "cache-control": "public, max-age=300" },
  });
}
