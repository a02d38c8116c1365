// The reference page's content, read from the served OpenAPI document so the page and
// the contract cannot disagree (decision 019: server-rendered, no script, no CDN).
import { openApiDocument } from "./openapi.server";

type Schema = {
  $ref?: string;
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  description?: string;
  anyOf?: Schema[];
  allOf?: Schema[];
  oneOf?: Schema[];
  const?: unknown;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
};

export interface FieldRow {
  name: string;
  type: string;
  required: boolean;
  description: string;
}

export interface OperationView {
  id: string;
  method: string;
  path: string;
  summary: string;
  description: string;
  parameters: (FieldRow & { in: string })[];
  body: { schema: string; fields: FieldRow[] } | null;
  responses: { status: string; description: string; schema: string | null }[];
}

const refName = (ref: string) => ref.split("/").pop() ?? ref;

function describeType(schema: Schema | undefined): string {
  if (!schema) return "any";
  if (schema.$ref) return refName(schema.$ref);
  if (schema.const !== undefined) return JSON.stringify(schema.const);
  if (schema.enum) return schema.enum.map((v) => JSON.stringify(v)).join(" | ");
  const variants = schema.anyOf ?? schema.oneOf ?? schema.allOf;
  if (variants) return variants.map(describeType).join(" | ");
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  return types
    .map((type) => (type === "array" ? `array of ${describeType(schema.items)}` : schema.format && type === "string" ? `string (${schema.format})` : type))
    .join(" | ") || "object";
}

function fieldsOf(schema: Schema | undefined, components: Record<string, Schema>): FieldRow[] {
  const resolved = schema?.$ref ? components[refName(schema.$ref)] : schema;
  if (!resolved?.properties) return [];
  return Object.entries(resolved.properties).map(([name, field]) => ({
    name,
    type: describeType(field),
    required: resolved.required?.includes(name) ?? false,
    description: field.description ?? "",
  }));
}

export function apiReference() {
  const doc = openApiDocument() as {
    info: { title: string; description: string; version: string };
    paths: Record<string, Record<string, { operationId: string; summary?: string; description?: string; tags?: string[]; parameters?: { name: string; in: string; required?: boolean; schema?: Schema; description?: string }[]; requestBody?: { content: Record<string, { schema: Schema }> }; responses: Record<string, { description: string; content?: Record<string, { schema: Schema }> }> }>>;
    components: { schemas: Record<string, Schema> };
  };
  const components = doc.components.schemas;
  const groups = new Map<string, OperationView[]>();
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const bodySchema = op.requestBody?.content["application/json"]?.schema;
      const view: OperationView = {
        id: op.operationId,
        method: method.toUpperCase(),
        path: `/api/v1${path}`,
        summary: op.summary ?? "",
        description: op.description ?? "",
        parameters: (op.parameters ?? []).map((p) => ({ name: p.name, in: p.in, type: describeType(p.schema), required: Boolean(p.required), description: p.description ?? p.schema?.description ?? "" })),
        body: bodySchema ? { schema: describeType(bodySchema), fields: fieldsOf(bodySchema, components) } : null,
        responses: Object.entries(op.responses).map(([status, response]) => {
          const content = response.content ? Object.values(response.content)[0] : undefined;
          return { status, description: response.description, schema: content ? describeType(content.schema) : null };
        }),
      };
      const tag = op.tags?.[0] ?? "Other";
      groups.set(tag, [...(groups.get(tag) ?? []), view]);
    }
  }
  return {
    title: doc.info.title,
    description: doc.info.description,
    version: doc.info.version,
    groups: [...groups.entries()].map(([tag, operations]) => ({ tag, operations })),
    schemas: Object.entries(components).map(([name, schema]) => ({ name, description: schema.description ?? "", fields: fieldsOf(schema, components) })),
  };
}
