// The OpenAPI 3.1 document, generated from the operations table and its zod schemas.
import { OpenAPIRegistry, OpenApiGeneratorV31 } from "@asteasolutions/zod-to-openapi";
import { OPERATIONS } from "./operations.server";
import { ProblemSchema, z } from "./schemas.server";

const REFUSAL_TEXT: Record<number, string> = {
  400: "The query or cursor is not one this operation takes",
  401: "No token, or one that is unknown or revoked",
  403: "The token may not do this (read-only, or limited to chosen events)",
  404: "No such resource, or not one your token may use",
  409: "The change conflicts with the resource's state",
  413: "The body is larger than 256 KB",
  415: "The body is not application/json",
  422: "The body is not valid for this operation; `errors` names each field",
  429: "Too many requests for this token; see Retry-After and RateLimit",
};

const RATE_HEADERS = {
  RateLimit: { description: "Remaining requests and seconds until the window resets, e.g. `\"default\";r=598;t=41`", schema: { type: "string" as const } },
  "RateLimit-Policy": { description: "The token's budget, e.g. `\"default\";q=600;w=60`", schema: { type: "string" as const } },
};

const IDEMPOTENCY_HEADER = z.object({
  "Idempotency-Key": z
    .string()
    .max(255)
    .optional()
    .openapi({ description: "Any unique text (a UUID is good). The same key with the same body within 24 hours gets the first answer again; with another body, 422." }),
});

let cached: object | null = null;

export function openApiDocument(): object {
  if (cached) return cached;
  const registry = new OpenAPIRegistry();
  const bearer = registry.registerComponent("securitySchemes", "bearerAuth", {
    type: "http",
    scheme: "bearer",
    description: "A personal access token (`podium_pat_…`) created in the console under API tokens.",
  });
  const problem = registry.register("Problem", ProblemSchema);
  for (const operation of OPERATIONS) {
    const refusals = [...new Set([400, 401, 404, 429, ...operation.refusals, ...(operation.method === "GET" ? [] : [413, 415, 422])])].sort();
    registry.registerPath({
      operationId: operation.id,
      method: operation.method.toLowerCase() as "get" | "post" | "patch",
      path: operation.path,
      tags: [operation.tag],
      summary: operation.summary,
      description: operation.description,
      security: [{ [bearer.name]: [] }],
      request: {
        ...(operation.params ? { params: operation.params } : {}),
        ...(operation.query ? { query: operation.query } : {}),
        ...(operation.body ? { body: { required: operation.id === "createEvent" || operation.id === "updateEvent" || operation.id === "addRegistration", content: { "application/json": { schema: operation.body } } } } : {}),
        ...(operation.method === "POST" ? { headers: IDEMPOTENCY_HEADER } : {}),
      },
      responses: {
        ...Object.fromEntries(
          Object.entries(operation.responses).map(([status, response]) => [
            status,
            { description: response.description, headers: RATE_HEADERS, content: { "application/json": { schema: response.schema } } },
          ]),
        ),
        ...Object.fromEntries(refusals.map((status) => [status, { description: REFUSAL_TEXT[status] ?? "Refused", content: { "application/problem+json": { schema: problem } } }])),
      },
    });
  }
  cached = new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: "3.1.0",
    info: {
      title: "Podium API",
      version: "1.0.0",
      description:
        "Events, registrations and the shared directories of a Podium instance. Every instant is RFC 3339 with its offset, beside the IANA `time_zone` it is written in. Errors are RFC 9457 problem documents. POST requests honour `Idempotency-Key`.",
    },
    servers: [{ url: "/api/v1" }],
  });
  return cached;
}
