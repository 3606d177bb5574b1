import { envSection } from "@/lib/core/env";
import { API_V1_OPERATIONS } from "./api-v1-operations";
import { buildOpenApi, type OpenApiDocument } from "./rules/build-openapi";

let cached: OpenApiDocument | undefined;

/** The /api/v1 OpenAPI document, built once per process (the operations never change at run time). */
export function openApiDocument(): OpenApiDocument {
  cached ??= buildOpenApi(API_V1_OPERATIONS, {
    version: envSection("app").APP_VERSION,
    tokenUrl: "/api/oauth/token",
  });
  return cached;
}
