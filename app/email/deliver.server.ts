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

export type DeliveryFailure = {
  ok: false;
  retryable: boolean;
  /** The provider asked us to slow down (429 or a quota): not a failure of the message. */
  rateLimited?: boolean;
  retryAfterSeconds?: number;
  /** Requests per second the provider announced in `ratelimit-limit`, when it did. */
  providerLimit?: number;
  error: string;
};
export type DeliveryResult = { ok: true; providerId: string; providerLimit?: number } | DeliveryFailure;
/** One request for many emails: all accepted (ids in the same order) or all refused. */
export type BatchDeliveryResult = { ok: true; providerIds: string[]; providerLimit?: number } | DeliveryFailure;

export interface SendOptions {
  /** Aborted by the worker when its lease on the message could no longer be renewed. */
  signal?: AbortSignal;
}

export interface EmailTransport {
  name: "resend" | "mailbox";
  send(email: OutgoingEmail, options?: SendOptions): Promise<DeliveryResult>;
  /** Emails without attachments, in one request; `idempotencyKey` names the whole batch. */
  sendBatch(emails: OutgoingEmail[], options: SendOptions & { idempotencyKey: string }): Promise<BatchDeliveryResult>;
}

/**
 * A guard against a request that hangs. The worker renews its lease while a send is in
 * flight, so this does not need to stay below the lease.
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
    async send(email: OutgoingEmail, options: SendOptions = {}): Promise<DeliveryResult> {
      try {
        const { data, error, headers } = await resend.emails.send(toResendPayload(email), {
          idempotencyKey: email.outboxId,
          signal: withTimeout(options.signal, timeoutMs),
        });
        if (error) return fromResendError(error, headers);
        if (typeof data?.id !== "string" || data.id === "") {
          // Resend may have accepted it; the idempotency key makes asking again safe.
          return { ok: false, retryable: true, error: "resend answered without an email id" };
        }
        return withProviderLimit({ ok: true, providerId: data.id }, headers);
      } catch (error) {
        // The SDK turns fetch failures into `error` results; this is for anything it lets through.
        return { ok: false, retryable: true, error: `resend: ${error instanceof Error ? error.message : String(error)}` };
      }
    },
    async sendBatch(emails, options): Promise<BatchDeliveryResult> {
      try {
        const { data, error, headers } = await resend.batch.send(
          emails.map((email) => {
            // The batch endpoint takes no attachments; the worker never batches a message with one.
            const { attachments: _none, ...payload } = toResendPayload(email);
            return payload;
          }),
          { idempotencyKey: options.idempotencyKey, signal: withTimeout(options.signal, timeoutMs) },
        );
        if (error) return fromResendError(error, headers);
        const ids = Array.isArray(data?.data) ? data.data.map((entry) => entry?.id) : [];
        if (ids.length !== emails.length || ids.some((id) => typeof id !== "string" || id === "")) {
          return { ok: false, retryable: true, error: `resend answered a batch of ${emails.length} with ${ids.length} ids` };
        }
        return withProviderLimit({ ok: true, providerIds: ids as string[] }, headers);
      } catch (error) {
        return { ok: false, retryable: true, error: `resend: ${error instanceof Error ? error.message : String(error)}` };
      }
    },
  };
}

function withTimeout(signal: AbortSignal | undefined, timeoutMs: number): AbortSignal {
  const timeout = AbortSignal.timeout(timeoutMs);
  return signal ? AbortSignal.any([signal, timeout]) : timeout;
}

function withProviderLimit<T extends { ok: true }>(result: T, headers: Record<string, string> | null): T & { providerLimit?: number } {
  const providerLimit = providerLimitFrom(headers);
  return providerLimit === undefined ? result : { ...result, providerLimit };
}

function providerLimitFrom(headers: Record<string, string> | null): number | undefined {
  const limit = headers?.["ratelimit-limit"]?.trim();
  if (!limit || !/^\d+(\.\d+)?$/.test(limit)) return undefined;
  const value = Number(limit);
  return value > 0 ? value : undefined;
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
const RETRYABLE_NAMES = new Set(["concurrent_idempotent_requests", "internal_server_error", "application_error"]);

function fromResendError(error: ErrorResponse, headers: Record<string, string> | null): DeliveryFailure {
  // The SDK returns the response's JSON body as `error` unchanged, so `statusCode` is
  // whatever the body said (possibly absent), not the HTTP status. It is null only when
  // the SDK made the error itself: a network failure, a timeout, or a success body that
  // was not JSON (these come with `headers: null`).
  const status = typeof error.statusCode === "number" ? error.statusCode : null;
  const name = typeof error.name === "string" ? error.name : "unknown_error";
  const message = typeof error.message === "string" ? error.message : JSON.stringify(error);
  const description = `resend ${status ?? "no response"} ${name}: ${message}`;

  if (status === 429 || name === "rate_limit_exceeded" || name === "daily_quota_exceeded" || name === "monthly_quota_exceeded") {
    const failure: DeliveryFailure = { ok: false, retryable: true, rateLimited: true, error: description };
    const retryAfterSeconds = retryAfterFrom(headers);
    if (retryAfterSeconds !== undefined) failure.retryAfterSeconds = retryAfterSeconds;
    const providerLimit = providerLimitFrom(headers);
    if (providerLimit !== undefined) failure.providerLimit = providerLimit;
    return failure;
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
