// A local stand-in for the part of Resend's HTTP API that Podium uses: POST /emails.
// Tests point the real `resend` SDK at it (through `baseUrl` or RESEND_BASE_URL), so
// everything between our code and the wire is the SDK's own, not a mock of it.
//
// What it copies from Resend (https://resend.com/docs/api-reference/errors,
// .../introduction#idempotency-keys, .../rate-limit):
// - errors are JSON `{ statusCode, message, name }`; the SDK hands that body back
//   untouched as `error`, so the stand-in must put the status in the body too;
// - `Authorization: Bearer <key>` is required (401 missing_api_key), and a wrong key
//   is 403 invalid_api_key when the stand-in was given a key to expect;
// - `Idempotency-Key` (1–256 chars, else 400 invalid_idempotency_key): a repeat with the
//   same payload gets the original response and sends nothing; a repeat with a
//   different payload is 409 invalid_idempotent_request. Only successful responses are
//   remembered, so a request that failed (429, 500, validation) can be retried;
// - 429 carries `retry-after` and the `ratelimit-*` headers.
// Keys never expire here (Resend keeps them 24 hours); tests are shorter than that.
import { randomUUID } from "node:crypto";
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
  idempotencyKey: string | undefined;
  /** The JSON body exactly as it arrived. */
  body: Record<string, unknown>;
}

export interface ResendStandIn {
  /** Base URL without a trailing slash, as the SDK wants it (it appends "/emails"). */
  url: string;
  /** Accepted emails, in order. Idempotent replays and failures are not recorded. */
  sent: ReceivedEmail[];
  /** Answer the next `n` requests (whatever they are) with `status` instead of handling them. */
  failNext(n: number, status: 429 | 500, retryAfterSeconds?: number): void;
  close(): Promise<void>;
  /** Every HTTP request received so far, failed, replayed and rejected ones included. */
  readonly requests: number;
}

interface ApiError {
  statusCode: number;
  name: string;
  message: string;
}

interface StoredResponse {
  fingerprint: string;
  status: number;
  body: unknown;
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

export async function startResendStandIn(
  options: {
    apiKey?: string;
    /** Answer each request only after this long, so a test can kill a worker while sends are in flight. */
    delayMs?: number;
  } = {},
): Promise<ResendStandIn> {
  const sent: ReceivedEmail[] = [];
  const idempotent = new Map<string, StoredResponse>();
  let requests = 0;
  let pendingFailures: { remaining: number; status: 429 | 500; retryAfterSeconds: number } | null = null;

  const server = createServer((req, res) => {
    requests += 1;
    readBody(req)
      .then(async (raw) => {
        if (options.delayMs) await new Promise((resolve) => setTimeout(resolve, options.delayMs));
        handle(req, res, raw);
      })
      .catch((error: unknown) => {
        const message = error instanceof Error ? error.message : String(error);
        sendJson(res, 500, { statusCode: 500, name: "internal_server_error", message });
      });
  });

  function handle(req: IncomingMessage, res: ServerResponse, raw: string): void {
    const path = new URL(req.url ?? "/", "http://stand-in").pathname;
    if (path !== "/emails") {
      return sendError(res, { statusCode: 404, name: "not_found", message: "The requested endpoint does not exist." });
    }
    if (req.method !== "POST") {
      return sendError(res, { statusCode: 405, name: "method_not_allowed", message: "Method is not allowed for the requested path." });
    }

    const authorization = req.headers.authorization ?? "";
    const bearer = /^Bearer\s+(\S+)$/i.exec(authorization)?.[1];
    if (!bearer) {
      return sendError(res, { statusCode: 401, name: "missing_api_key", message: "Missing API key in the authorization header." });
    }
    if (options.apiKey !== undefined && bearer !== options.apiKey) {
      return sendError(res, { statusCode: 403, name: "invalid_api_key", message: "API key is invalid." });
    }

    if (pendingFailures && pendingFailures.remaining > 0) {
      const failure = pendingFailures;
      failure.remaining -= 1;
      if (failure.remaining === 0) pendingFailures = null;
      if (failure.status === 429) {
        const seconds = String(failure.retryAfterSeconds);
        return sendError(
          res,
          {
            statusCode: 429,
            name: "rate_limit_exceeded",
            message: "Too many requests. You can only make 2 requests per second. See rate limit response headers for more information.",
          },
          { "retry-after": seconds, "ratelimit-limit": "2", "ratelimit-remaining": "0", "ratelimit-reset": seconds },
        );
      }
      return sendError(res, {
        statusCode: 500,
        name: "internal_server_error",
        message: "An unexpected error occurred, please try again later.",
      });
    }

    const idempotencyKey = headerValue(req, "idempotency-key");
    if (idempotencyKey !== undefined && (idempotencyKey.length < 1 || idempotencyKey.length > MAX_IDEMPOTENCY_KEY_LENGTH)) {
      return sendError(res, { statusCode: 400, name: "invalid_idempotency_key", message: "The key must be between 1-256 chars." });
    }

    let body: Record<string, unknown>;
    try {
      const parsed: unknown = JSON.parse(raw);
      if (!isRecord(parsed)) throw new Error("not an object");
      body = parsed;
    } catch {
      return sendError(res, { statusCode: 400, name: "validation_error", message: "Invalid JSON in the request body." });
    }

    const idempotencyScope = idempotencyKey === undefined ? undefined : `${bearer}\u0000${idempotencyKey}`;
    const fingerprint = canonicalJson(body);
    if (idempotencyScope !== undefined) {
      const previous = idempotent.get(idempotencyScope);
      if (previous) {
        if (previous.fingerprint !== fingerprint) {
          return sendError(res, {
            statusCode: 409,
            name: "invalid_idempotent_request",
            message: "Same idempotency key used with a different request payload.",
          });
        }
        return sendJson(res, previous.status, previous.body);
      }
    }

    let email: Omit<ReceivedEmail, "id" | "requestHeaders" | "idempotencyKey" | "body">;
    try {
      email = validateEmail(body);
    } catch (error) {
      if (error instanceof RequestError) return sendError(res, error.apiError);
      throw error;
    }

    const id = randomUUID();
    const responseBody = { id };
    sent.push({ id, ...email, requestHeaders: flattenHeaders(req), idempotencyKey, body });
    if (idempotencyScope !== undefined) idempotent.set(idempotencyScope, { fingerprint, status: 200, body: responseBody });
    sendJson(res, 200, responseBody);
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

function validateEmail(body: Record<string, unknown>): Omit<ReceivedEmail, "id" | "requestHeaders" | "idempotencyKey" | "body"> {
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

function sendError(res: ServerResponse, error: ApiError, headers: Record<string, string> = {}): void {
  sendJson(res, error.statusCode, error, headers);
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
