import { z } from "zod";
import { apiErrorSchema, type ApiOperation } from "@/lib/core/api/api-operation";
import { SCOPE_DESCRIPTIONS } from "@/lib/tokens/rules/scopes";

type JsonSchema = Record<string, unknown>;

/** A zod schema as a JSON Schema 2020-12 object (OpenAPI 3.1's dialect), without `$schema`. */
export function jsonSchemaOf(schema: z.ZodType, io: "input" | "output"): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, {
    io,
    target: "draft-2020-12",
    unrepresentable: "any",
  }) as JsonSchema;
  return rest;
}

const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: "Unreadable input: bad JSON, hostile text (NUL, controls, lone surrogates), too deep.",
  401: "No credential, or an unknown, expired or revoked one.",
  403: "The credential lacks the scope, or the caller's address is not on its allow-list.",
  404: "Not found (or not visible to this credential).",
  409: "The resource's state does not allow this.",
  413: "The body is over the size limit.",
  422: "Invalid input; `error.field` names the field.",
  429: "Rate limited; wait `Retry-After` seconds.",
};

const RATE_HEADERS = {
  "RateLimit-Limit": { $ref: "#/components/headers/RateLimit-Limit" },
  "RateLimit-Remaining": { $ref: "#/components/headers/RateLimit-Remaining" },
  "RateLimit-Reset": { $ref: "#/components/headers/RateLimit-Reset" },
};

function parametersOf(schema: z.ZodObject | undefined, where: "path" | "query") {
  if (!schema) return [];
  const json = jsonSchemaOf(schema, "input") as {
    properties?: Record<string, JsonSchema>;
    required?: string[];
  };
  return Object.entries(json.properties ?? {}).map(([name, property]) => {
    const { description, ...rest } = property as JsonSchema & { description?: string };
    return {
      name,
      in: where,
      required: where === "path" || (json.required ?? []).includes(name),
      ...(description ? { description } : {}),
      schema: rest,
    };
  });
}

function operationObject(op: ApiOperation) {
  const responses: Record<string, unknown> = {};
  for (const [status, response] of Object.entries(op.responses)) {
    if (!response) continue;
    const headers =
      op.method === "GET"
        ? { ...RATE_HEADERS, ETag: { $ref: "#/components/headers/ETag" } }
        : RATE_HEADERS;
    responses[status] = {
      description: response.description,
      headers,
      ...(response.schema
        ? {
            content: {
              "application/json": {
                schema: jsonSchemaOf(response.schema, "output"),
                ...(status === "200" && op.example?.response !== undefined
                  ? { example: op.example.response }
                  : {}),
              },
            },
          }
        : {}),
    };
  }
  if (op.method === "GET") responses["304"] = { description: "Not modified (If-None-Match)." };
  const errorStatuses = [...new Set([400, 401, 403, 422, 429, ...(op.errors ?? [])])].sort();
  for (const status of errorStatuses)
    responses[String(status)] = { $ref: `#/components/responses/E${status}` };
  return {
    operationId: op.operationId,
    tags: [op.tag],
    summary: op.summary,
    ...(op.description ? { description: op.description } : {}),
    security: [{ apiToken: [op.scope] }, { oauth2: [op.scope] }],
    "x-required-scope": op.scope,
    ...(op.example?.query ? { "x-example-query": op.example.query } : {}),
    parameters: [...parametersOf(op.params, "path"), ...parametersOf(op.query, "query")],
    ...(op.body
      ? {
          requestBody: {
            required: true,
            content: {
              "application/json": {
                schema: jsonSchemaOf(op.body, "input"),
                ...(op.example?.request !== undefined ? { example: op.example.request } : {}),
              },
            },
          },
        }
      : {}),
    responses,
  };
}

/**
 * The OpenAPI 3.1 document of /api/v1, from the operations the route handlers are built from:
 * every schema in it is the zod schema a handler parses or answers with, converted once here.
 */
export function buildOpenApi(
  operations: readonly ApiOperation[],
  info: { version: string; tokenUrl: string },
) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of operations) {
    paths[op.path] ??= {};
    paths[op.path][op.method.toLowerCase()] = operationObject(op);
  }
  paths["/openapi.json"] = {
    get: {
      operationId: "getOpenApi",
      tags: ["Meta"],
      summary: "This document",
      security: [],
      responses: {
        "200": { description: "The OpenAPI 3.1 document.", content: { "application/json": {} } },
      },
    },
  };
  const errorSchema = jsonSchemaOf(apiErrorSchema, "output");
  return {
    openapi: "3.1.0",
    jsonSchemaDialect: "https://json-schema.org/draft/2020-12/schema",
    info: {
      title: "OrgBridge API",
      version: info.version,
      description:
        "The integration API of OrgBridge. Backward compatible within v1; see docs/api-versioning.md.",
    },
    servers: [{ url: "/api/v1" }],
    tags: [...new Set(operations.map((o) => o.tag)), "Meta"].map((name) => ({ name })),
    paths,
    components: {
      securitySchemes: {
        apiToken: {
          type: "http",
          scheme: "bearer",
          description: "An API token made on the console's tokens page (obt_…).",
        },
        oauth2: {
          type: "oauth2",
          description: "OAuth 2.0 client credentials; the access token is a Bearer JWT.",
          flows: { clientCredentials: { tokenUrl: info.tokenUrl, scopes: SCOPE_DESCRIPTIONS } },
        },
      },
      schemas: { Error: errorSchema },
      responses: Object.fromEntries(
        Object.entries(ERROR_DESCRIPTIONS).map(([status, description]) => [
          `E${status}`,
          {
            description,
            ...(status === "429"
              ? { headers: { ...RATE_HEADERS, "Retry-After": { schema: { type: "integer" } } } }
              : {}),
            content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
          },
        ]),
      ),
      headers: {
        "RateLimit-Limit": {
          description: "Requests this credential may make a minute.",
          schema: { type: "integer" },
        },
        "RateLimit-Remaining": {
          description: "Requests left in this window.",
          schema: { type: "integer" },
        },
        "RateLimit-Reset": {
          description: "Seconds until the window resets.",
          schema: { type: "integer" },
        },
        ETag: {
          description: "Send it back as If-None-Match for a 304.",
          schema: { type: "string" },
        },
      },
    },
  };
}

export type OpenApiDocument = ReturnType<typeof buildOpenApi>;
