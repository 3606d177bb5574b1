import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { SchemaView, typeLabel } from "./schema-view";

type Parameter = {
  name: string;
  in: string;
  required: boolean;
  description?: string;
  schema: Record<string, unknown>;
};
type Content = { "application/json"?: { schema?: Record<string, unknown>; example?: unknown } };
export type OperationView = {
  method: string;
  path: string;
  operationId: string;
  summary: string;
  description?: string;
  "x-required-scope"?: string;
  parameters?: Parameter[];
  requestBody?: { content: Content };
  responses: Record<string, { description?: string; content?: Content; $ref?: string }>;
  "x-example-query"?: string;
};

const METHOD_VARIANT: Record<string, "success" | "default" | "warning" | "destructive"> = {
  GET: "success",
  POST: "default",
  PUT: "warning",
  PATCH: "warning",
  DELETE: "destructive",
};

/** One endpoint of the reference: scope, parameters, body and answers, and a curl example. */
export async function OperationCard({ op }: { op: OperationView }) {
  const t = await getTranslations("developers");
  const labels = {
    field: t("field"),
    type: t("type"),
    required: t("required"),
    yes: t("yes"),
    json: t("schemaJson"),
  };
  const body = op.requestBody?.content["application/json"];
  const success = Object.entries(op.responses).filter(([s]) => s.startsWith("2"));
  const errors = Object.keys(op.responses).filter((s) => !s.startsWith("2"));
  const url = `/api/v1${op.path}${op["x-example-query"] ?? ""}`;
  const curl = [
    `curl -X ${op.method} "$ORGBRIDGE${url}" \\`,
    `  -H "Authorization: Bearer $TOKEN"${body ? " \\" : ""}`,
    ...(body
      ? [`  -H "Content-Type: application/json" \\`, `  -d '${JSON.stringify(body.example ?? {})}'`]
      : []),
  ].join("\n");
  return (
    <Card id={op.operationId} aria-labelledby={`${op.operationId}-title`}>
      <CardHeader>
        <CardTitle
          id={`${op.operationId}-title`}
          className="flex flex-wrap items-center gap-2 text-base"
        >
          <Badge variant={METHOD_VARIANT[op.method] ?? "default"}>{op.method}</Badge>
          <code>/api/v1{op.path}</code>
          <span className="font-normal text-muted-foreground">— {op.summary}</span>
        </CardTitle>
        {op.description ? <p className="text-sm text-muted-foreground">{op.description}</p> : null}
        {op["x-required-scope"] ? (
          <p className="text-xs">
            {t("scope")}: <code>{op["x-required-scope"]}</code>
          </p>
        ) : null}
      </CardHeader>
      <CardContent className="flex flex-col gap-4 text-sm">
        {op.parameters?.length ? (
          <section aria-label={t("parameters")}>
            <h4 className="mb-1 font-medium">{t("parameters")}</h4>
            <table className="w-full text-left text-xs">
              <thead>
                <tr className="border-b text-muted-foreground">
                  <th scope="col" className="py-1 pr-2 font-medium">
                    {t("field")}
                  </th>
                  <th scope="col" className="py-1 pr-2 font-medium">
                    {t("in")}
                  </th>
                  <th scope="col" className="py-1 pr-2 font-medium">
                    {t("type")}
                  </th>
                  <th scope="col" className="py-1 font-medium">
                    {t("required")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {op.parameters.map((p) => (
                  <tr key={`${p.in}-${p.name}`} className="border-b last:border-0 align-top">
                    <td className="py-1 pr-2">
                      <code>{p.name}</code>
                      {p.description ? (
                        <p className="text-muted-foreground">{p.description}</p>
                      ) : null}
                    </td>
                    <td className="py-1 pr-2">{p.in}</td>
                    <td className="py-1 pr-2">
                      <code>{typeLabel(p.schema)}</code>
                      {p.schema.default !== undefined ? (
                        <span className="text-muted-foreground">
                          {" "}
                          = {JSON.stringify(p.schema.default)}
                        </span>
                      ) : null}
                    </td>
                    <td className="py-1">{p.required ? t("yes") : ""}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        ) : null}
        {body?.schema ? (
          <section aria-label={t("requestBody")}>
            <h4 className="mb-1 font-medium">{t("requestBody")}</h4>
            <SchemaView schema={body.schema} labels={labels} />
          </section>
        ) : null}
        {success.map(([status, response]) => (
          <section key={status} aria-label={`${t("response")} ${status}`}>
            <h4 className="mb-1 font-medium">
              {t("response")} {status}
              <span className="font-normal text-muted-foreground"> — {response.description}</span>
            </h4>
            {response.content?.["application/json"]?.schema ? (
              <SchemaView schema={response.content["application/json"].schema} labels={labels} />
            ) : null}
          </section>
        ))}
        <p className="text-xs text-muted-foreground">
          {t("errorsLine")}: {errors.join(", ")}
        </p>
        <section aria-label={t("example")}>
          <h4 className="mb-1 font-medium">{t("example")}</h4>
          {/* Focusable: a keyboard user must be able to scroll a long example. */}
          <pre tabIndex={0} className="overflow-auto rounded bg-muted p-2 text-xs">
            {curl}
          </pre>
        </section>
      </CardContent>
    </Card>
  );
}
