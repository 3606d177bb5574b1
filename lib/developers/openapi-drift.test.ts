// The OpenAPI document against the route handlers as they are on disk: every route under
// app/api/v1 is in it with every method it exports, and every schema in it is the one its handler
// parses or answers with (the operation object riding on the handler, converted afresh here).
import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { ApiOperation } from "@/lib/core/api/api-operation";
import { API_V1_OPERATIONS } from "./api-v1-operations";
import { buildOpenApi, jsonSchemaOf } from "./rules/build-openapi";

const root = path.join(process.cwd(), "app/api/v1");
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

function routeFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return routeFiles(full);
    return name === "route.ts" ? [full] : [];
  });
}

/** `app/api/v1/employees/[employeeNo]/route.ts` → `/employees/{employeeNo}`. */
const specPath = (file: string) =>
  `/${path.relative(root, path.dirname(file)).split(path.sep).join("/")}`.replace(
    /\[([^\]]+)\]/g,
    "{$1}",
  );

type Spec = ReturnType<typeof buildOpenApi>;
type OperationObject = {
  parameters: { name: string; in: string; required: boolean; schema: unknown }[];
  requestBody?: { content: { "application/json": { schema: unknown } } };
  responses: Record<string, { content?: { "application/json": { schema: unknown } } }>;
  security: Record<string, string[]>[];
};

const spec: Spec = buildOpenApi(API_V1_OPERATIONS, {
  version: "test",
  tokenUrl: "/api/oauth/token",
});
const specOp = (p: string, method: string) =>
  (spec.paths[p] as Record<string, OperationObject> | undefined)?.[method.toLowerCase()];

describe("OpenAPI drift", () => {
  const files = routeFiles(root);

  it("finds the route files (the walk itself works)", () => {
    expect(files.length).toBeGreaterThanOrEqual(API_V1_OPERATIONS.length / 2);
    expect(files.map(specPath)).toContain("/openapi.json");
  });

  it.each(files.map((f) => [specPath(f), f]))(
    "%s: every exported method is in the spec, built from the operation its handler serves",
    async (p, file) => {
      const mod = (await import(file)) as Record<string, unknown>;
      const exported = METHODS.filter((m) => typeof mod[m] === "function");
      expect(exported.length).toBeGreaterThan(0);
      for (const method of exported) {
        const op = specOp(p, method);
        expect(op, `${method} ${p} is missing from the OpenAPI document`).toBeDefined();
        if (p === "/openapi.json") continue;
        const operation = (mod[method] as { operation?: ApiOperation }).operation;
        expect(operation, `${method} ${p} is not built with apiRoute`).toBeDefined();
        expect(API_V1_OPERATIONS).toContain(operation);
        expect([operation!.method, operation!.path]).toEqual([method, p]);
        expectSchemasOf(operation!, op!);
      }
    },
  );

  it("has no operation without a route file serving it", async () => {
    const served = new Set<ApiOperation>();
    for (const file of files) {
      const mod = (await import(file)) as Record<string, { operation?: ApiOperation }>;
      for (const m of METHODS) if (mod[m]?.operation) served.add(mod[m].operation!);
    }
    for (const op of API_V1_OPERATIONS)
      expect(served.has(op), `${op.method} ${op.path} has no route`).toBe(true);
    expect(new Set(API_V1_OPERATIONS.map((o) => o.operationId)).size).toBe(
      API_V1_OPERATIONS.length,
    );
  });

  it("is OpenAPI 3.1 with both credential kinds and the error envelope", () => {
    expect(spec.openapi).toBe("3.1.0");
    expect(spec.jsonSchemaDialect).toBe("https://json-schema.org/draft/2020-12/schema");
    expect(spec.components.securitySchemes.oauth2.flows.clientCredentials.tokenUrl).toBe(
      "/api/oauth/token",
    );
    expect(spec.components.schemas.Error).toMatchObject({
      properties: { error: { required: expect.arrayContaining(["code", "message", "requestId"]) } },
    });
  });
});

function expectSchemasOf(operation: ApiOperation, op: OperationObject) {
  expect(op.security).toEqual([{ apiToken: [operation.scope] }, { oauth2: [operation.scope] }]);
  const params = (where: string, schema?: ApiOperation["query"]) => {
    const json = schema
      ? (jsonSchemaOf(schema, "input") as { properties: Record<string, unknown> })
      : { properties: {} };
    const inSpec = op.parameters.filter((p) => p.in === where);
    expect(inSpec.map((p) => p.name).sort()).toEqual(Object.keys(json.properties).sort());
    for (const p of inSpec) {
      const { description: _d, ...want } = json.properties[p.name] as Record<string, unknown>;
      expect(p.schema).toEqual(want);
    }
  };
  params("path", operation.params);
  params("query", operation.query);
  if (operation.body)
    expect(op.requestBody?.content["application/json"].schema).toEqual(
      jsonSchemaOf(operation.body, "input"),
    );
  else expect(op.requestBody).toBeUndefined();
  for (const [status, response] of Object.entries(operation.responses)) {
    const inSpec = op.responses[status];
    expect(inSpec, `response ${status}`).toBeDefined();
    if (response?.schema)
      expect(inSpec.content?.["application/json"].schema).toEqual(
        jsonSchemaOf(response.schema, "output"),
      );
  }
}
