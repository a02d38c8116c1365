// A local stand-in for the part of Resend's HTTP API that Podium uses: POST /emails and
// POST /emails/batch. Tests point the real `resend` SDK at it (through `baseUrl` or
// RESEND_BASE_URL), so everything between our code and the wire is the SDK's own.
//
// What it copies from Resend (https://resend.com/docs/api-reference/errors,
// .../introduction#idempotency-keys, .../rate-limit, .../emails/send-batch-emails):
// - errors are JSON `{ statusCode, message, name }`; the SDK hands that body back
//   untouched as `error`, so the stand-in must put the status in the body too;
// - `Authorization: Bearer <key>` is required (401 missing_api_key), and a wrong key
//   is 403 invalid_api_key when the stand-in was given a key to expect;
// - `Idempotency-Key` (1–256 chars, else 400 invalid_idempotency_key): a repeat with the
//   same payload gets the original response and sends nothing; a repeat with a
//   different payload is 409 invalid_idempotent_request. Only successful responses are
//   remembered (for 24 hours), so a request that failed can be retried;
// - with `ratePerSecond`, at most that many requests per team (API key) in any one
//   second; more get 429 with `retry-after` and `ratelimit-limit/remaining/reset`, and
//   every answer carries the `ratelimit-*` headers;
// - a batch holds 1–100 emails without attachments, and is accepted or refused whole
//   (strict validation, the SDK's default).
import { createHash, randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface ReceivedAttachment {
  filename: string | undefined;
  /** The API's `content_type`; undefined when the caller left it to Resend to derive. */
  contentType: string | undefined;
  /** `content` decoded from base64. Empty when the attachment came by `path`. */
  content: Buffer;
  path: string | undefined;
}

export interface ReceivedEmail {
  /** The id the stand-in answered with. */
  id: string;
  from: string;
  to: string[];
  cc: string[];
  bcc: string[];
  replyTo: string[];
  subject: string;
  html: string | undefined;
  text: string | undefined;
  /** The body's custom `headers` field (List-Unsubscribe and the like). */
  headers: Record<string, string>;
  attachments: ReceivedAttachment[];
  /** The HTTP request's headers, names lower-cased. */
  requestHeaders: Record<string, string>;
  /** The request's key: for a batch, shared by every email in it. */
  idempotencyKey: string | undefined;
  /** The JSON body exactly as it arrived (for a batch, this email's entry). */
  body: Record<string, unknown>;
  endpoint: "single" | "batch";
  /** When the request that carried it arrived (ms since the epoch). */
  acceptedAt: number;
}

export interface RequestRecord {
  at: number;
  endpoint: "single" | "batch" | "other";
  status: number;
  /** Emails accepted (0 unless it succeeded). */
  emails: number;
  /** Turned away by the rate limit (not counted against it). */
  overLimit: boolean;
  /** The request's Idempotency-Key, if it had one. */
  key: string | undefined;
  /** When the answer went out: with `delayMs`, the request was in flight from `at` to here. */
  answeredAt: number;
}

export interface ResendStandIn {
  /** Base URL without a trailing slash, as the SDK wants it (it appends "/emails"). */
  url: string;
  /** Accepted emails, in order. Idempotent replays and failures are not recorded. */
  sent: ReceivedEmail[];
  /** Every request with its answer's status, in arrival order. */
  log: RequestRecord[];
  /** Answer the next `n` requests (whatever they are) with `status` instead of handling them. */
  failNext(n: number, status: 429 | 500, retryAfterSeconds?: number): void;
  close(): Promise<void>;
  /** Every HTTP request received so far, failed, replayed and rejected ones included. */
  readonly requests: number;
}

export interface StandInOptions {
  apiKey?: string;
  /** Answer each request only after this long, so a test can kill a worker while sends are in flight. */
  delayMs?: number;
  /** Requests per second per team, as Resend enforces it (its default is 2); unlimited when unset. */
  ratePerSecond?: number;
  /** Fail this share of the requests that pass the rate limit, half 429 (Retry-After: 1), half 500. */
  failureRate?: number;
  /** Seeds the failure injection, so a failing run can be replayed. */
  seed?: number;
  /** How long idempotency keys are remembered (Resend: 24 hours). */
  idempotencyTtlMs?: number;
  /** The stand-in's clock (ms), for testing key expiry. */
  clock?: () => number;
  /**
   * False: accepted emails are recorded without their bodies (html, text, the JSON), which a
   * run of 10,000 would otherwise hold in memory. Headers, addresses and subject stay.
   */
  keepContent?: boolean;
}

/** Resend's documented default team limit. */
export const RESEND_DEFAULT_RATE_PER_SECOND = 2;
export const MAX_BATCH_EMAILS = 100;
const DAY_MS = 24 * 60 * 60 * 1000;

interface ApiError {
  statusCode: number;
  name: string;
  message: string;
}

interface StoredResponse {
  /** SHA-256 of the request body with its keys sorted. */
  fingerprint: string;
  status: number;
  body: unknown;
  storedAt: number;
}

class RequestError extends Error {
  constructor(readonly apiError: ApiError) {
    super(apiError.message);
  }
}

const MAX_IDEMPOTENCY_KEY_LENGTH = 256;
const MAX_RECIPIENTS = 50;
// `email@example.com` or `Name <email@example.com>`, the two forms Resend accepts.
const BARE_ADDRESS = /^[^\s<>@]+@[^\s<>@]+\.[^\s<>@]+$/;
const NAMED_ADDRESS = /^[^<>]*<([^\s<>@]+@[^\s<>@]+\.[^\s<>@]+)>$/;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** The most requests `log` shows admitted (not rate limited) within any `windowMs`. */
export function busiestWindow(log: RequestRecord[], windowMs = 1000): number {
  const admitted = log.filter((r) => !r.overLimit).map((r) => r.at).sort((a, b) => a - b);
  let most = 0;
  for (let first = 0, last = 0; last < admitted.length; last++) {
    while (admitted[last]! - admitted[first]! >= windowMs) first++;
    most = Math.max(most, last - first + 1);
  }
  return most;
}

/** A small seeded generator (mulberry32), so injected failures can be replayed. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export async function startResendStandIn(options: StandInOptions = {}): Promise<ResendStandIn> {
  const sent: ReceivedEmail[] = [];
  const log: RequestRecord[] = [];
  const idempotent = new Map<string, StoredResponse>();
  const admittedByTeam = new Map<string, number[]>();
  const clock = options.clock ?? Date.now;
  const random = seededRandom(options.seed ?? 1);
  const ttl = options.idempotencyTtlMs ?? DAY_MS;
  let requests = 0;
  let pendingFailures: { remaining: number; status: 429 | 500; retryAfterSeconds: number } | null = null;

  const server = createServer((req, res) => {
    requests += 1;
    // Arrival time, before the body is read: that is when the request counts against the limit.
    const arrivedAt = clock();
    readBody(req)
      .then(async (raw) => {
        if (options.delayMs) await new Promise((resolve) => setTimeout(resolve, options.delayMs));
        handle(req, res, raw, arrivedAt);
      })
      .catch((error: unknown) => {
        const message = error instanceof Error ? error.message : String(error);
        sendJson(res, 500, { statusCode: 500, name: "internal_server_error", message });
      });
  });

  /** Counts the request against its team's window; returns the 429 headers when over the limit. */
  function rateLimit(team: string, at: number): { admitted: boolean; headers: Record<string, string> } {
    const limit = options.ratePerSecond;
    if (limit === undefined) return { admitted: true, headers: {} };
    const recent = (admittedByTeam.get(team) ?? []).filter((t) => at - t < 1000);
    const admitted = recent.length < limit;
    if (admitted) recent.push(at);
    admittedByTeam.set(team, recent);
    const resetSeconds = recent.length > 0 ? Math.max(1, Math.ceil((recent[0]! + 1000 - at) / 1000)) : 1;
    const headers: Record<string, string> = {
      "ratelimit-limit": String(limit),
      "ratelimit-remaining": String(Math.max(0, limit - recent.length)),
      "ratelimit-reset": String(resetSeconds),
    };
    if (!admitted) headers["retry-after"] = String(resetSeconds);
    return { admitted, headers };
  }

  function handle(req: IncomingMessage, res: ServerResponse, raw: string, arrivedAt: number): void {
    const path = new URL(req.url ?? "/", "http://stand-in").pathname;
    const endpoint = path === "/emails" ? "single" : path === "/emails/batch" ? "batch" : "other";
    let overLimit = false;
    const answer = (status: number, body: unknown, headers: Record<string, string> = {}, emails = 0) => {
      log.push({ at: arrivedAt, endpoint, status, emails, overLimit, key: headerValue(req, "idempotency-key"), answeredAt: clock() });
      sendJson(res, status, body, headers);
    };
    const fail = (error: ApiError, headers: Record<string, string> = {}) => answer(error.statusCode, error, headers);

    if (endpoint === "other") {
      return fail({ statusCode: 404, name: "not_found", message: "The requested endpoint does not exist." });
    }
    if (req.method !== "POST") {
      return fail({ statusCode: 405, name: "method_not_allowed", message: "Method is not allowed for the requested path." });
    }

    const authorization = req.headers.authorization ?? "";
    const bearer = /^Bearer\s+(\S+)$/i.exec(authorization)?.[1];
    if (!bearer) {
      return fail({ statusCode: 401, name: "missing_api_key", message: "Missing API key in the authorization header." });
    }
    if (options.apiKey !== undefined && bearer !== options.apiKey) {
      return fail({ statusCode: 403, name: "invalid_api_key", message: "API key is invalid." });
    }

    const limited = rateLimit(bearer, arrivedAt);
    if (!limited.admitted) {
      overLimit = true;
      return fail(rateLimitError(options.ratePerSecond!), limited.headers);
    }
    const rateHeaders = limited.headers;

    const injected = injectedFailure();
    if (injected) {
      const retryHeaders = injected.status === 429 ? { ...rateHeaders, "retry-after": String(injected.retryAfterSeconds), "ratelimit-remaining": "0" } : rateHeaders;
      return fail(injected.status === 429 ? rateLimitError(options.ratePerSecond ?? RESEND_DEFAULT_RATE_PER_SECOND) : serverError(), retryHeaders);
    }

    const idempotencyKey = headerValue(req, "idempotency-key");
    if (idempotencyKey !== undefined && (idempotencyKey.length < 1 || idempotencyKey.length > MAX_IDEMPOTENCY_KEY_LENGTH)) {
      return fail({ statusCode: 400, name: "invalid_idempotency_key", message: "The key must be between 1-256 chars." }, rateHeaders);
    }

    let body: unknown;
    try {
      body = JSON.parse(raw);
      if (endpoint === "single" ? !isRecord(body) : !Array.isArray(body)) throw new Error("wrong shape");
    } catch {
      return fail({ statusCode: 400, name: "validation_error", message: "Invalid JSON in the request body." }, rateHeaders);
    }

    const idempotencyScope = idempotencyKey === undefined ? undefined : `${bearer}\u0000${path}\u0000${idempotencyKey}`;
    // A digest, not the JSON itself: a stored batch of 100 rendered emails is megabytes.
    const fingerprint = createHash("sha256").update(canonicalJson(body)).digest("hex");
    if (idempotencyScope !== undefined) {
      const previous = idempotent.get(idempotencyScope);
      if (previous && arrivedAt - previous.storedAt < ttl) {
        if (previous.fingerprint !== fingerprint) {
          return fail(
            { statusCode: 409, name: "invalid_idempotent_request", message: "Same idempotency key used with a different request payload." },
            rateHeaders,
          );
        }
        return answer(previous.status, previous.body, rateHeaders);
      }
    }

    const bodies = endpoint === "single" ? [body as Record<string, unknown>] : (body as unknown[]);
    let emails: ReturnType<typeof validateEmail>[];
    try {
      if (endpoint === "batch") validateBatch(bodies);
      emails = bodies.map((entry) => validateEmail(entry as Record<string, unknown>));
    } catch (error) {
      if (error instanceof RequestError) return fail(error.apiError, rateHeaders);
      throw error;
    }

    const keepContent = options.keepContent ?? true;
    const ids = emails.map((email, index) => {
      const id = randomUUID();
      const entryBody = keepContent ? (bodies[index] as Record<string, unknown>) : {};
      const content = keepContent ? {} : { html: undefined, text: undefined };
      sent.push({ id, ...email, ...content, requestHeaders: flattenHeaders(req), idempotencyKey, body: entryBody, endpoint, acceptedAt: arrivedAt });
      return id;
    });
    const responseBody = endpoint === "single" ? { id: ids[0] } : { data: ids.map((id) => ({ id })) };
    if (idempotencyScope !== undefined) idempotent.set(idempotencyScope, { fingerprint, status: 200, body: responseBody, storedAt: arrivedAt });
    answer(200, responseBody, rateHeaders, ids.length);
  }

  function injectedFailure(): { status: 429 | 500; retryAfterSeconds: number } | null {
    if (pendingFailures && pendingFailures.remaining > 0) {
      const failure = pendingFailures;
      failure.remaining -= 1;
      if (failure.remaining === 0) pendingFailures = null;
      return failure;
    }
    if (options.failureRate && random() < options.failureRate) {
      return { status: random() < 0.5 ? 429 : 500, retryAfterSeconds: 1 };
    }
    return null;
  }

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    sent,
    log,
    failNext(n, status, retryAfterSeconds = 1) {
      if (!Number.isInteger(n) || n < 0) throw new RangeError(`failNext: n must be a whole number, got ${n}`);
      pendingFailures = n === 0 ? null : { remaining: n, status, retryAfterSeconds };
    },
    close() {
      return new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // fetch keeps connections alive; without this, close() waits for them to idle out.
        server.closeAllConnections();
      });
    },
    get requests() {
      return requests;
    },
  };
}

function rateLimitError(limit: number): ApiError {
  return {
    statusCode: 429,
    name: "rate_limit_exceeded",
    message: `Too many requests. You can only make ${limit} requests per second. See rate limit response headers for more information.`,
  };
}

function serverError(): ApiError {
  return { statusCode: 500, name: "internal_server_error", message: "An unexpected error occurred, please try again later." };
}

function validateBatch(bodies: unknown[]): void {
  if (bodies.length === 0 || bodies.length > MAX_BATCH_EMAILS) {
    throw validation(`A batch holds between 1 and ${MAX_BATCH_EMAILS} emails; this one has ${bodies.length}.`);
  }
  bodies.forEach((entry, index) => {
    if (!isRecord(entry)) throw validation(`Email ${index} of the batch is not an object.`);
    if (entry.attachments !== undefined) throw validation(`Email ${index} of the batch has attachments; the batch endpoint does not support them.`);
    if (entry.scheduled_at !== undefined) throw validation(`Email ${index} of the batch is scheduled; the batch endpoint does not support that.`);
  });
}

function validateEmail(body: Record<string, unknown>): Omit<ReceivedEmail, "id" | "requestHeaders" | "idempotencyKey" | "body" | "endpoint" | "acceptedAt"> {
  const from = requiredString(body, "from");
  const to = addressList(body, "to", { required: true });
  const subject = requiredString(body, "subject");
  addressOrFail("from", from);

  const html = optionalString(body, "html");
  const text = optionalString(body, "text");
  if (html === undefined && text === undefined && body.template === undefined) {
    throw validation("Missing `html` or `text` field.", "missing_required_field");
  }

  const headers = body.headers ?? {};
  if (!isRecord(headers) || !Object.values(headers).every((value) => typeof value === "string")) {
    throw validation("Invalid `headers` field. It must be an object whose values are strings.");
  }

  const rawAttachments = body.attachments ?? [];
  if (!Array.isArray(rawAttachments)) throw validation("Invalid `attachments` field. It must be an array.");
  const attachments = rawAttachments.map((attachment: unknown): ReceivedAttachment => {
    if (!isRecord(attachment)) throw validation("Invalid `attachments` field. Each attachment must be an object.");
    const content = attachment.content;
    const path = attachment.path;
    if (content === undefined && path === undefined) {
      throw new RequestError({ statusCode: 422, name: "invalid_attachment", message: "Attachment must have either a `content` or `path`." });
    }
    if (content !== undefined && (typeof content !== "string" || !BASE64.test(content))) {
      throw new RequestError({ statusCode: 422, name: "invalid_attachment", message: "Attachment `content` must be a base64 string." });
    }
    const filename = attachment.filename;
    const contentType = attachment.content_type;
    if (filename !== undefined && typeof filename !== "string") throw validation("Invalid attachment `filename`.");
    if (contentType !== undefined && typeof contentType !== "string") throw validation("Invalid attachment `content_type`.");
    if (path !== undefined && typeof path !== "string") throw validation("Invalid attachment `path`.");
    return {
      filename,
      contentType,
      content: typeof content === "string" ? Buffer.from(content, "base64") : Buffer.alloc(0),
      path,
    };
  });

  return {
    from,
    to,
    cc: addressList(body, "cc", { required: false }),
    bcc: addressList(body, "bcc", { required: false }),
    replyTo: addressList(body, "reply_to", { required: false }),
    subject,
    html,
    text,
    headers: headers as Record<string, string>,
    attachments,
  };
}

function requiredString(body: Record<string, unknown>, field: string): string {
  const value = body[field];
  if (value === undefined || value === null || value === "") throw validation(`Missing \`${field}\` field.`, "missing_required_field");
  if (typeof value !== "string") throw validation(`Invalid \`${field}\` field. It must be a string.`);
  return value;
}

function optionalString(body: Record<string, unknown>, field: string): string | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "string") throw validation(`Invalid \`${field}\` field. It must be a string.`);
  return value;
}

function addressList(body: Record<string, unknown>, field: string, { required }: { required: boolean }): string[] {
  const value = body[field];
  if (value === undefined || value === null || value === "" || (Array.isArray(value) && value.length === 0)) {
    if (required) throw validation(`Missing \`${field}\` field.`, "missing_required_field");
    return [];
  }
  const list: unknown[] = Array.isArray(value) ? value : [value];
  if (list.length > MAX_RECIPIENTS) throw validation(`Invalid \`${field}\` field. It can hold at most ${MAX_RECIPIENTS} addresses.`);
  return list.map((address) => {
    if (typeof address !== "string") throw validation(`Invalid \`${field}\` field. Addresses must be strings.`);
    addressOrFail(field, address);
    return address;
  });
}

function addressOrFail(field: string, address: string): void {
  const trimmed = address.trim();
  if (!BARE_ADDRESS.test(trimmed) && !NAMED_ADDRESS.test(trimmed)) {
    throw validation(`Invalid \`${field}\` field. The email address needs to follow the \`email@example.com\` or \`Name <email@example.com>\` format.`);
  }
}

function validation(message: string, name: "validation_error" | "missing_required_field" = "validation_error"): RequestError {
  return new RequestError({ statusCode: 422, name, message });
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const payload = JSON.stringify(body);
  res.writeHead(status, { ...headers, "content-type": "application/json; charset=utf-8", "content-length": Buffer.byteLength(payload) });
  res.end(payload);
}

function headerValue(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value.join(", ") : value;
}

function flattenHeaders(req: IncomingMessage): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) flat[name] = Array.isArray(value) ? value.join(", ") : value;
  }
  return flat;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** JSON with object keys sorted, so two bodies that differ only in key order compare equal. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    isRecord(inner) ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : inner,
  );
}
