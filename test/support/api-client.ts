// Calls /api/v1 over real HTTP and checks every answer against the served OpenAPI document.
import Ajv2020 from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { expect } from "vitest";
import type { Database } from "~db/client.server";
import { eventOrganizers, type User } from "~db/schema";
import { createApiToken } from "~/api/api-tokens.server";

export interface ApiAnswer {
  status: number;
  headers: Headers;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
  text: string;
}

type Doc = { paths: Record<string, Record<string, { operationId: string; responses: Record<string, { content?: Record<string, unknown> }> }>> };

export class ApiClient {
  private readonly ajv = new Ajv2020({ strict: false, allErrors: true });
  private readonly operations = new Map<string, { path: string; method: string }>();
  /** Operation ids whose success answers were validated against the document. */
  readonly covered = new Set<string>();

  constructor(
    readonly base: string,
    readonly document: Doc,
  ) {
    addFormats(this.ajv);
    this.ajv.addSchema(document as object, "openapi.json");
    for (const [path, methods] of Object.entries(document.paths)) {
      for (const [method, op] of Object.entries(methods)) this.operations.set(op.operationId, { path, method });
    }
  }

  static async connect(base: string): Promise<ApiClient> {
    const response = await fetch(`${base}/api/v1/openapi.json`);
    return new ApiClient(base, (await response.json()) as Doc);
  }

  operationIds(): string[] {
    return [...this.operations.keys()];
  }

  async raw(method: string, path: string, { token, body, headers = {} }: { token?: string; body?: string; headers?: Record<string, string> } = {}): Promise<ApiAnswer> {
    const response = await fetch(`${this.base}/api/v1${path}`, {
      method,
      headers: {
        Accept: "application/json",
        ...(token ? { Authorization: `Bearer ${token}` } : {}),
        ...(body !== undefined ? { "Content-Type": "application/json" } : {}),
        ...headers,
      },
      body,
    });
    const text = await response.text();
    let parsed: unknown = null;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      parsed = text;
    }
    return { status: response.status, headers: response.headers, body: parsed, text };
  }

  /**
   * Calls an operation by its id and validates the answer against the document: the status
   * must be documented for it and the body must match that status's schema.
   */
  async call(
    operationId: string,
    { token, params = {}, query, body, headers }: { token?: string; params?: Record<string, string>; query?: Record<string, string>; body?: unknown; headers?: Record<string, string> } = {},
  ): Promise<ApiAnswer> {
    const op = this.operations.get(operationId);
    if (!op) throw new Error(`No operation ${operationId} in the document`);
    const path = op.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(params[name] ?? "missing"));
    const search = query ? `?${new URLSearchParams(query)}` : "";
    const answer = await this.raw(op.method.toUpperCase(), `${path}${search}`, { token, body: body === undefined ? undefined : JSON.stringify(body), headers });
    this.validate(operationId, answer);
    return answer;
  }

  validate(operationId: string, answer: ApiAnswer): void {
    const op = this.operations.get(operationId)!;
    const status = String(answer.status);
    const documented = this.document.paths[op.path]![op.method]!.responses[status];
    expect(documented, `${operationId} answered ${status}, which its documentation does not list: ${answer.text.slice(0, 300)}`).toBeDefined();
    const contentType = (answer.headers.get("content-type") ?? "").split(";")[0]!.trim();
    expect(Object.keys(documented!.content ?? {})).toContain(contentType);
    const pointer = `openapi.json#/paths/${op.path.replace(/~/g, "~0").replace(/\//g, "~1")}/${op.method}/responses/${status}/content/${contentType.replace(/\//g, "~1")}/schema`;
    const valid = this.ajv.validate({ $ref: pointer }, answer.body);
    expect(valid, `${operationId} ${status} does not match the document: ${this.ajv.errorsText(this.ajv.errors)}`).toBe(true);
    if (answer.status < 300) this.covered.add(operationId);
  }
}

/** A token for a user (and, for organizers, the events they own). */
export async function tokenFor(db: Database, user: User, { scope = "write", eventIds = null, name = "test" }: { scope?: "read" | "write"; eventIds?: string[] | null; name?: string } = {}) {
  const outcome = await createApiToken(db, { user, name, scope, eventIds });
  if (!outcome.ok) throw new Error(outcome.message);
  return { secret: outcome.secret, id: outcome.token.id };
}

export async function own(db: Database, user: User, eventId: string): Promise<void> {
  await db.insert(eventOrganizers).values({ eventId, userId: user.id });
}
