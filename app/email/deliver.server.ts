// The delivery seam: the outbox worker hands one rendered message to a transport and
// gets back a result it can act on (sent, retry later, or give up). A transport never
// throws for a provider failure; the worker decides what a failure means for the row.
import { Resend, type CreateEmailOptions, type ErrorResponse } from "resend";

export interface OutgoingEmail {
  /** The email_outbox row id; Resend's idempotency key, so a retried row is sent once. */
  outboxId: string;
  from: string;
  to: string;
  subject: string;
  html: string;
  text: string;
  headers?: Record<string, string>;
  attachments?: { filename: string; content: string /* utf8 text */; contentType: string }[];
}

export type DeliveryResult = { ok: true; providerId: string } | { ok: false; retryable: boolean; retryAfterSeconds?: number; error: string };

export interface EmailTransport {
  name: "resend" | "mailbox";
  send(email: OutgoingEmail): Promise<DeliveryResult>;
}

/**
 * Below the worker's 60-second lease, so a hung request gives up (and is retried with
 * the same idempotency key) before another worker may reclaim the row.
 */
const DEFAULT_TIMEOUT_MS = 30_000;
/** A Retry-After longer than this is treated as this; the worker's backoff tops out at an hour too. */
const MAX_RETRY_AFTER_SECONDS = 3600;

/**
 * Sends through the real `resend` SDK.
 *
 * `baseUrl` goes to the SDK's own constructor option. Without it the SDK falls back to
 * `process.env.RESEND_BASE_URL`, read once when the client is constructed (that is, when
 * this function runs), then https://api.resend.com.
 */
export function createResendTransport(options: { apiKey: string; baseUrl?: string; timeoutMs?: number }): EmailTransport {
  // The SDK would quietly fall back to process.env.RESEND_API_KEY for an empty key;
  // a transport built with no key is a configuration mistake, so say so here.
  if (!options.apiKey) throw new Error("createResendTransport: apiKey is required");
  const resend = new Resend(options.apiKey, options.baseUrl ? { baseUrl: options.baseUrl.replace(/\/+$/, "") } : undefined);
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;

  return {
    name: "resend",
    async send(email: OutgoingEmail): Promise<DeliveryResult> {
      try {
        const { data, error, headers } = await resend.emails.send(toResendPayload(email), {
          idempotencyKey: email.outboxId,
          signal: AbortSignal.timeout(timeoutMs),
        });
        if (error) return fromResendError(error, headers);
        if (typeof data?.id !== "string" || data.id === "") {
          // Resend may have accepted it; the idempotency key makes asking again safe.
          return { ok: false, retryable: true, error: "resend answered without an email id" };
        }
        return { ok: true, providerId: data.id };
      } catch (error) {
        // The SDK turns fetch failures into `error` results; this is for anything it lets through.
        return { ok: false, retryable: true, error: `resend: ${error instanceof Error ? error.message : String(error)}` };
      }
    },
  };
}

function toResendPayload(email: OutgoingEmail): CreateEmailOptions {
  const payload: CreateEmailOptions = {
    from: email.from,
    to: email.to,
    subject: email.subject,
    html: email.html,
    text: email.text,
  };
  if (email.headers && Object.keys(email.headers).length > 0) payload.headers = email.headers;
  if (email.attachments && email.attachments.length > 0) {
    payload.attachments = email.attachments.map((attachment) => ({
      filename: attachment.filename,
      // The API reads a string `content` as base64, so utf8 text must be encoded first.
      content: Buffer.from(attachment.content, "utf8").toString("base64"),
      contentType: attachment.contentType,
    }));
  }
  return payload;
}

// Error names whose meaning does not depend on the status code the body carried.
const RETRYABLE_NAMES = new Set(["rate_limit_exceeded", "daily_quota_exceeded", "monthly_quota_exceeded", "concurrent_idempotent_requests", "internal_server_error"]);

function fromResendError(error: ErrorResponse, headers: Record<string, string> | null): DeliveryResult {
  // The SDK returns the response's JSON body as `error` unchanged, so `statusCode` is
  // whatever the body said (possibly absent), not the HTTP status. It is null only when
  // the SDK made the error itself: a network failure, a timeout, or a success body that
  // was not JSON (these come with `headers: null`).
  const status = typeof error.statusCode === "number" ? error.statusCode : null;
  const name = typeof error.name === "string" ? error.name : "unknown_error";
  const message = typeof error.message === "string" ? error.message : JSON.stringify(error);
  const description = `resend ${status ?? "no response"} ${name}: ${message}`;

  if (status === 429 || name === "rate_limit_exceeded" || name === "daily_quota_exceeded" || name === "monthly_quota_exceeded") {
    const retryAfterSeconds = retryAfterFrom(headers);
    return retryAfterSeconds === undefined
      ? { ok: false, retryable: true, error: description }
      : { ok: false, retryable: true, retryAfterSeconds, error: description };
  }
  if (status === null || status >= 500 || status === 408 || RETRYABLE_NAMES.has(name)) {
    return { ok: false, retryable: true, error: description };
  }
  // 400/401/403/404/409 invalid_idempotent_request/422: sending the same request again
  // gets the same answer.
  return { ok: false, retryable: false, error: description };
}

/** Seconds from `retry-after` (seconds or an HTTP date), else `ratelimit-reset`; undefined if neither is usable. */
function retryAfterFrom(headers: Record<string, string> | null, now: Date = new Date()): number | undefined {
  if (!headers) return undefined;
  // The SDK builds this with Object.fromEntries(response.headers), so names are lower-case.
  const retryAfter = headers["retry-after"]?.trim();
  if (retryAfter) {
    if (/^\d+(\.\d+)?$/.test(retryAfter)) return clampSeconds(Number(retryAfter));
    const at = Date.parse(retryAfter);
    if (!Number.isNaN(at)) return clampSeconds((at - now.getTime()) / 1000);
  }
  const reset = headers["ratelimit-reset"]?.trim();
  if (reset && /^\d+(\.\d+)?$/.test(reset)) return clampSeconds(Number(reset));
  return undefined;
}

function clampSeconds(seconds: number): number {
  return Math.min(MAX_RETRY_AFTER_SECONDS, Math.max(1, Math.ceil(seconds)));
}
