// The Resend transport against a local stand-in of Resend's HTTP API, through the real
// `resend` SDK: what goes over the wire, and how each kind of answer is classified.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { startResendStandIn, type ResendStandIn } from "../../test/support/resend-stand-in";
import { createResendTransport, type OutgoingEmail } from "./deliver.server";

const API_KEY = "re_test_podium";

const INVITE_ICS = [
  "BEGIN:VCALENDAR",
  "VERSION:2.0",
  "PRODID:-//Podium//EN",
  "METHOD:REQUEST",
  "BEGIN:VEVENT",
  "UID:registration-42@podium.test",
  "SEQUENCE:3",
  "DTSTART:20250330T003000Z",
  "SUMMARY:Café scientifique – Zürich ☕",
  "END:VEVENT",
  "END:VCALENDAR",
].join("\r\n");

function outgoing(overrides: Partial<OutgoingEmail> = {}): OutgoingEmail {
  return {
    outboxId: "3f1c2b9e-7a51-4c0e-9d1f-5b8f0e6a2c11",
    from: "Podium <events@podium.test>",
    to: "Ada Lövelace <ada@example.org>",
    subject: "You're registered: Café scientifique",
    html: "<p>See you at <strong>00:30 UTC</strong></p>",
    text: "See you at 00:30 UTC",
    headers: {
      "List-Unsubscribe": "<https://podium.test/unsubscribe/tok123>",
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    },
    attachments: [{ filename: "invite.ics", content: INVITE_ICS, contentType: "text/calendar; charset=utf-8; method=REQUEST" }],
    ...overrides,
  };
}

let standIn: ResendStandIn;

beforeEach(async () => {
  standIn = await startResendStandIn({ apiKey: API_KEY });
});

afterEach(async () => {
  vi.unstubAllEnvs();
  await standIn.close();
});

describe("createResendTransport", () => {
  it("delivers subject, bodies, custom headers and the calendar attachment intact, keyed by the outbox id", async () => {
    const transport = createResendTransport({ apiKey: API_KEY, baseUrl: standIn.url });
    const email = outgoing();

    const result = await transport.send(email);

    expect(transport.name).toBe("resend");
    expect(standIn.sent).toHaveLength(1);
    const received = standIn.sent[0]!;
    expect(result).toEqual({ ok: true, providerId: received.id });
    expect(received.idempotencyKey).toBe(email.outboxId);
    expect(received.requestHeaders.authorization).toBe(`Bearer ${API_KEY}`);
    expect(received.from).toBe(email.from);
    expect(received.to).toEqual([email.to]);
    expect(received.subject).toBe(email.subject);
    expect(received.html).toBe(email.html);
    expect(received.text).toBe(email.text);
    expect(received.headers).toEqual(email.headers);
    expect(received.attachments).toHaveLength(1);
    const invite = received.attachments[0]!;
    expect(invite.filename).toBe("invite.ics");
    expect(invite.contentType).toBe("text/calendar; charset=utf-8; method=REQUEST");
    // Byte for byte, CRLFs and non-ASCII included: the text went out as base64, not as-is.
    expect(invite.content.toString("utf8")).toBe(INVITE_ICS);
  });

  it("leaves headers and attachments out of the request when there are none", async () => {
    const transport = createResendTransport({ apiKey: API_KEY, baseUrl: standIn.url });

    const result = await transport.send(outgoing({ headers: {}, attachments: [] }));

    expect(result.ok).toBe(true);
    const body = standIn.sent[0]!.body;
    expect(body).not.toHaveProperty("headers");
    expect(body).not.toHaveProperty("attachments");
  });

  it("records one email when the same outbox row is sent twice, and reports the same provider id both times", async () => {
    const transport = createResendTransport({ apiKey: API_KEY, baseUrl: standIn.url });
    const email = outgoing();

    const first = await transport.send(email);
    const second = await transport.send(email);

    expect(standIn.requests).toBe(2);
    expect(standIn.sent).toHaveLength(1);
    expect(first.ok && second.ok).toBe(true);
    expect(second).toEqual(first);
  });

  it("sends two different outbox rows as two emails", async () => {
    const transport = createResendTransport({ apiKey: API_KEY, baseUrl: standIn.url });

    await transport.send(outgoing({ outboxId: "row-1" }));
    await transport.send(outgoing({ outboxId: "row-2" }));

    expect(standIn.sent.map((email) => email.idempotencyKey)).toEqual(["row-1", "row-2"]);
  });

  it("reports a 429 as retryable, with the wait from retry-after, and the retry with the same key goes through", async () => {
    const transport = createResendTransport({ apiKey: API_KEY, baseUrl: standIn.url });
    standIn.failNext(1, 429, 17);

    const limited = await transport.send(outgoing());
    expect(limited).toMatchObject({ ok: false, retryable: true, retryAfterSeconds: 17 });
    expect(!limited.ok && limited.error).toMatch(/429 rate_limit_exceeded/);
    expect(standIn.sent).toHaveLength(0);

    const retried = await transport.send(outgoing());
    expect(retried.ok).toBe(true);
    expect(standIn.sent).toHaveLength(1);
  });

  it("reports a 500 as retryable without a wait, leaving the backoff to the worker", async () => {
    const transport = createResendTransport({ apiKey: API_KEY, baseUrl: standIn.url });
    standIn.failNext(2, 500);

    const first = await transport.send(outgoing());
    const second = await transport.send(outgoing());
    const third = await transport.send(outgoing());

    expect(first).toMatchObject({ ok: false, retryable: true });
    expect(first).not.toHaveProperty("retryAfterSeconds");
    expect(!first.ok && first.error).toMatch(/500 internal_server_error/);
    expect(second).toMatchObject({ ok: false, retryable: true });
    expect(third.ok).toBe(true);
    expect(standIn.sent).toHaveLength(1);
  });

  it("reports a rejected message (no recipient) as not retryable", async () => {
    const transport = createResendTransport({ apiKey: API_KEY, baseUrl: standIn.url });

    const result = await transport.send(outgoing({ to: "" }));

    expect(result).toMatchObject({ ok: false, retryable: false });
    expect(!result.ok && result.error).toMatch(/422 missing_required_field: Missing `to` field/);
    expect(standIn.sent).toHaveLength(0);
  });

  it("reports a malformed address as not retryable", async () => {
    const transport = createResendTransport({ apiKey: API_KEY, baseUrl: standIn.url });

    const result = await transport.send(outgoing({ to: "not an address" }));

    expect(result).toMatchObject({ ok: false, retryable: false });
    expect(!result.ok && result.error).toMatch(/422 validation_error/);
  });

  it("reports a wrong API key as not retryable", async () => {
    const transport = createResendTransport({ apiKey: "re_wrong", baseUrl: standIn.url });

    const result = await transport.send(outgoing());

    expect(result).toMatchObject({ ok: false, retryable: false });
    expect(!result.ok && result.error).toMatch(/403 invalid_api_key/);
  });

  it("reports a reused outbox id with a different message as not retryable", async () => {
    const transport = createResendTransport({ apiKey: API_KEY, baseUrl: standIn.url });
    await transport.send(outgoing());

    const result = await transport.send(outgoing({ subject: "Changed since the first attempt" }));

    expect(result).toMatchObject({ ok: false, retryable: false });
    expect(!result.ok && result.error).toMatch(/409 invalid_idempotent_request/);
    expect(standIn.sent).toHaveLength(1);
  });

  it("reports a provider that cannot be reached as a retryable network error", async () => {
    const url = standIn.url;
    await standIn.close();
    standIn = await startResendStandIn(); // for afterEach to close
    const transport = createResendTransport({ apiKey: API_KEY, baseUrl: url });

    const result = await transport.send(outgoing());

    expect(result).toMatchObject({ ok: false, retryable: true });
    expect(result).not.toHaveProperty("retryAfterSeconds");
    expect(!result.ok && result.error).toMatch(/no response application_error/);
  });

  it("gives up on a provider that never answers after timeoutMs, as a retryable failure", async () => {
    const silent: Server = createServer(() => {
      /* accept the request and never answer */
    });
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = silent.address() as AddressInfo;
      const transport = createResendTransport({ apiKey: API_KEY, baseUrl: `http://127.0.0.1:${port}`, timeoutMs: 200 });

      const started = Date.now();
      const result = await transport.send(outgoing());

      expect(result).toMatchObject({ ok: false, retryable: true });
      expect(Date.now() - started).toBeLessThan(5_000);
    } finally {
      silent.closeAllConnections();
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    }
  });

  it("uses RESEND_BASE_URL from the environment when no baseUrl is given", async () => {
    vi.stubEnv("RESEND_BASE_URL", standIn.url);
    const transport = createResendTransport({ apiKey: API_KEY });

    const result = await transport.send(outgoing());

    expect(result.ok).toBe(true);
    expect(standIn.sent).toHaveLength(1);
  });

  it("refuses to be built without an API key rather than falling back to RESEND_API_KEY", () => {
    vi.stubEnv("RESEND_API_KEY", API_KEY);
    expect(() => createResendTransport({ apiKey: "", baseUrl: standIn.url })).toThrow(/apiKey is required/);
  });
});
