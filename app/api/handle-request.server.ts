// The one entry of /api/v1 (decision 019): route, authenticate (bearer tokens only, never
// cookies), rate-limit per token, check the scope, validate with the operation's schemas,
// honour Idempotency-Key, run the operation, answer JSON or a problem document.
import type { Database } from "~db/client.server";
import type { LinkSigner } from "~/security/link-tokens.server";
import { hitRateLimit } from "~/security/rate-limit.server";
import { ApiProblem, invalid } from "./api-problem.server";
import { authenticateApiToken, type TokenOwner } from "./api-tokens.server";
import { claimIdempotencyKey } from "./idempotency.server";
import { openApiDocument } from "./openapi.server";
import { OPERATIONS, type Operation, type OperationResult } from "./operations.server";

export interface ApiRequestContext {
  db: Database;
  origin: string;
  links: LinkSigner;
  rateLimitPerMinute: number;
  now?: Date;
}

const RATE_WINDOW_SECONDS = 60;

const ROUTES = OPERATIONS.map((operation) => ({
  operation,
  pattern: new RegExp(`^${operation.path.replace(/\{(\w+)\}/g, "(?<$1>[^/]+)")}$`),
}));

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store", ...headers } });
}

function match(method: string, path: string): { operation: Operation; params: Record<string, string> } | { allow: string[] } | null {
  const allow: string[] = [];
  for (const { operation, pattern } of ROUTES) {
    const found = pattern.exec(path);
    if (!found) continue;
    const wanted = method === "HEAD" ? "GET" : method;
    if (operation.method === wanted) return { operation, params: { ...found.groups } };
    allow.push(operation.method);
  }
  return allow.length ? { allow } : null;
}

async function authenticate(db: Database, request: Request, now: Date): Promise<TokenOwner> {
  const header = request.headers.get("authorization");
  if (!header) {
    throw new ApiProblem(401, "Send a token: Authorization: Bearer podium_pat_… (create one in the console under API tokens).", undefined, { "WWW-Authenticate": 'Bearer realm="podium"' });
  }
  const [kind, secret, extra] = header.trim().split(/\s+/);
  const owner = kind?.toLowerCase() === "bearer" && secret && !extra ? await authenticateApiToken(db, secret, now) : null;
  if (!owner) throw new ApiProblem(401, "This token is unknown or has been revoked.", undefined, { "WWW-Authenticate": 'Bearer realm="podium", error="invalid_token"' });
  return owner;
}

async function readBody(request: Request, operation: Operation): Promise<unknown> {
  const text = request.method === "GET" || request.method === "HEAD" ? "" : await request.text();
  if (text === "") return undefined;
  if (!operation.body) throw new ApiProblem(422, "This operation takes no request body.");
  try {
    return JSON.parse(text);
  } catch {
    throw new ApiProblem(400, "The request body is not valid JSON.");
  }
}

function queryObject(url: URL): Record<string, string> {
  const query: Record<string, string> = {};
  for (const [name, value] of url.searchParams) {
    if (name in query) throw new ApiProblem(400, `The query parameter “${name.slice(0, 60)}” is given more than once.`, [{ field: name.slice(0, 60), detail: "Given more than once" }]);
    query[name] = value;
  }
  return query;
}

async function run(request: Request, context: ApiRequestContext, rateHeaders: Record<string, string>): Promise<Response> {
  const { db } = context;
  const now = context.now ?? new Date();
  const url = new URL(request.url);
  const path = url.pathname.replace(/^\/api\/v1/, "") || "/";
  if (path === "/openapi.json" && (request.method === "GET" || request.method === "HEAD")) {
    return json(200, openApiDocument(), { "Cache-Control": "public, max-age=300" });
  }
  const route = match(request.method, path);
  if (!route) throw new ApiProblem(404, "There is no such API address. The reference is at /api.");
  if ("allow" in route) throw new ApiProblem(405, `${request.method} is not allowed here.`, undefined, { Allow: route.allow.join(", ") });
  const { operation } = route;

  const owner = await authenticate(db, request, now);
  const verdict = await hitRateLimit(db, { key: `api:token:${owner.token.id}`, limit: context.rateLimitPerMinute, windowSeconds: RATE_WINDOW_SECONDS }, now);
  Object.assign(rateHeaders, {
    "RateLimit-Policy": `"default";q=${context.rateLimitPerMinute};w=${RATE_WINDOW_SECONDS}`,
    RateLimit: `"default";r=${verdict.remaining ?? 0};t=${verdict.retryAfterSeconds}`,
  });
  if (!verdict.allowed) throw new ApiProblem(429, `This token made more than ${context.rateLimitPerMinute} requests this minute; try again in ${verdict.retryAfterSeconds} s.`, undefined, { "Retry-After": String(verdict.retryAfterSeconds) });
  if (operation.scope === "write" && owner.token.scope !== "write") throw new ApiProblem(403, "This token is read-only.");

  const params = operation.params?.safeParse(route.params);
  // A malformed id names nothing, exactly like an id of something you may not see.
  if (params && !params.success) throw new ApiProblem(404, "No such resource, or not one your token may use.");
  const rawQuery = queryObject(url);
  const query = operation.query ? operation.query.safeParse(rawQuery) : null;
  if (query && !query.success) throw invalid(400, "Some query parameters are not valid.", query.error);
  if (!operation.query && Object.keys(rawQuery).length > 0) throw new ApiProblem(400, "This operation takes no query parameters.");
  const rawBody = await readBody(request, operation);
  const body = operation.body ? operation.body.safeParse(rawBody) : null;
  if (body && !body.success) throw invalid(422, "The request body is not valid for this operation.", body.error);

  const claim = await claimIdempotencyKey(db, owner, request, rawBody, now);
  if (claim?.kind === "replay") return claim.response;
  let response: Response;
  try {
    const result: OperationResult = await operation.handle({
      db,
      owner,
      origin: context.origin,
      links: context.links,
      now,
      params: params?.data ?? {},
      query: (query?.data ?? {}) as never,
      body: body?.data as never,
    });
    response = json(result.status, result.body);
  } catch (error) {
    if (!(error instanceof ApiProblem)) {
      await claim?.release();
      throw error;
    }
    response = error.toResponse();
  }
  await claim?.complete(response);
  return response;
}

export async function handleApiRequest(request: Request, context: ApiRequestContext): Promise<Response> {
  const rateHeaders: Record<string, string> = {};
  let response: Response;
  try {
    response = await run(request, context, rateHeaders);
  } catch (error) {
    if (!(error instanceof ApiProblem)) throw error;
    response = error.toResponse();
  }
  for (const [name, value] of Object.entries(rateHeaders)) response.headers.set(name, value);
  return response;
}
