// The stand-in is only useful if it answers the way Resend does; these talk to it with
// plain fetch, so they check the HTTP contract itself rather than what the SDK makes of it.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { busiestWindow, startResendStandIn, type ResendStandIn } from "./resend-stand-in";

let standIn: ResendStandIn;

beforeEach(async () => {
  standIn = await startResendStandIn();
});

afterEach(async () => {
  await standIn.close();
});

const validBody = {
  from: "Podium <events@podium.test>",
  to: ["grace@example.org"],
  subject: "Reminder",
  text: "Starts in one hour",
};

function post(body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${standIn.url}/emails`, {
    method: "POST",
    headers: { authorization: "Bearer re_any", "content-type": "application/json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

describe("resend stand-in", () => {
  it("accepts an email, answers with its id and records it", async () => {
    const response = await post(validBody);

    expect(response.status).toBe(200);
    const { id } = (await response.json()) as { id: string };
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(standIn.sent).toHaveLength(1);
    expect(standIn.sent[0]).toMatchObject({ id, to: ["grace@example.org"], subject: "Reminder", text: "Starts in one hour", html: undefined });
  });

  it("requires a bearer key, answering 401 in Resend's error shape", async () => {
    const response = await fetch(`${standIn.url}/emails`, { method: "POST", body: JSON.stringify(validBody) });

    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ statusCode: 401, name: "missing_api_key", message: "Missing API key in the authorization header." });
    expect(standIn.sent).toHaveLength(0);
  });

  it("checks the key when given one to expect", async () => {
    const strict = await startResendStandIn({ apiKey: "re_right" });
    try {
      const response = await fetch(`${strict.url}/emails`, {
        method: "POST",
        headers: { authorization: "Bearer re_wrong" },
        body: JSON.stringify(validBody),
      });
      expect(response.status).toBe(403);
      expect(((await response.json()) as { name: string }).name).toBe("invalid_api_key");
    } finally {
      await strict.close();
    }
  });

  it.each([
    ["from", 422, "missing_required_field"],
    ["to", 422, "missing_required_field"],
    ["subject", 422, "missing_required_field"],
  ])("rejects a body without %s", async (field, status, name) => {
    const body: Record<string, unknown> = { ...validBody };
    delete body[field];

    const response = await post(body);

    expect(response.status).toBe(status);
    expect(await response.json()).toEqual({ statusCode: status, name, message: `Missing \`${field}\` field.` });
    expect(standIn.sent).toHaveLength(0);
  });

  it("rejects malformed addresses, non-JSON bodies and attachments that are not base64", async () => {
    expect((await post({ ...validBody, to: "nobody" })).status).toBe(422);
    expect((await post("{not json")).status).toBe(400);
    const badAttachment = await post({ ...validBody, attachments: [{ filename: "a.ics", content: "plain text, not base64!" }] });
    expect(badAttachment.status).toBe(422);
    expect(((await badAttachment.json()) as { name: string }).name).toBe("invalid_attachment");
    expect(standIn.sent).toHaveLength(0);
  });

  it("decodes attachments and keeps their content type, the custom headers and the request headers", async () => {
    const ics = "BEGIN:VCALENDAR\r\nMETHOD:CANCEL\r\nEND:VCALENDAR\r\n";
    await post(
      {
        ...validBody,
        headers: { "List-Unsubscribe": "<mailto:unsubscribe@podium.test>" },
        attachments: [{ filename: "cancel.ics", content: Buffer.from(ics).toString("base64"), content_type: "text/calendar; method=CANCEL" }],
      },
      { "idempotency-key": "outbox-7" },
    );

    const [email] = standIn.sent;
    expect(email?.idempotencyKey).toBe("outbox-7");
    expect(email?.requestHeaders["idempotency-key"]).toBe("outbox-7");
    expect(email?.headers).toEqual({ "List-Unsubscribe": "<mailto:unsubscribe@podium.test>" });
    expect(email?.attachments).toEqual([{ filename: "cancel.ics", contentType: "text/calendar; method=CANCEL", content: Buffer.from(ics), path: undefined }]);
  });

  it("replays the original answer for a repeated idempotency key without recording a second email", async () => {
    const first = await post(validBody, { "idempotency-key": "outbox-1" });
    const replay = await post(validBody, { "idempotency-key": "outbox-1" });
    const other = await post(validBody, { "idempotency-key": "outbox-2" });

    expect(replay.status).toBe(200);
    const firstId = ((await first.json()) as { id: string }).id;
    expect(((await replay.json()) as { id: string }).id).toBe(firstId);
    expect(((await other.json()) as { id: string }).id).not.toBe(firstId);
    expect(standIn.sent.map((email) => email.idempotencyKey)).toEqual(["outbox-1", "outbox-2"]);
    expect(standIn.requests).toBe(3);
  });

  it("answers 409 when an idempotency key comes back with a different payload, and 400 for an over-long key", async () => {
    await post(validBody, { "idempotency-key": "outbox-1" });

    const changed = await post({ ...validBody, subject: "Different" }, { "idempotency-key": "outbox-1" });
    expect(changed.status).toBe(409);
    expect(((await changed.json()) as { name: string }).name).toBe("invalid_idempotent_request");

    const tooLong = await post(validBody, { "idempotency-key": "k".repeat(257) });
    expect(tooLong.status).toBe(400);
    expect(((await tooLong.json()) as { name: string }).name).toBe("invalid_idempotency_key");
    expect(standIn.sent).toHaveLength(1);
  });

  it("fails the next n requests with 429 and retry-after, then recovers, and a failure does not use up the key", async () => {
    standIn.failNext(2, 429, 30);

    for (let attempt = 0; attempt < 2; attempt++) {
      const limited = await post(validBody, { "idempotency-key": "outbox-9" });
      expect(limited.status).toBe(429);
      expect(limited.headers.get("retry-after")).toBe("30");
      expect(((await limited.json()) as { statusCode: number; name: string })).toMatchObject({ statusCode: 429, name: "rate_limit_exceeded" });
    }
    const recovered = await post(validBody, { "idempotency-key": "outbox-9" });

    expect(recovered.status).toBe(200);
    expect(standIn.sent).toHaveLength(1);
    expect(standIn.requests).toBe(3);
  });

  it("fails the next request with a 500 in the JSON error shape", async () => {
    standIn.failNext(1, 500);

    const failed = await post(validBody);

    expect(failed.status).toBe(500);
    expect(failed.headers.get("content-type")).toMatch(/^application\/json/);
    expect(((await failed.json()) as { statusCode: number; name: string })).toMatchObject({ statusCode: 500, name: "internal_server_error" });
    expect((await post(validBody)).status).toBe(200);
  });

  it("answers 404 for other paths and 405 for other methods", async () => {
    const auth = { authorization: "Bearer re_any" };
    expect((await fetch(`${standIn.url}/domains`, { headers: auth })).status).toBe(404);
    expect((await fetch(`${standIn.url}/emails`, { headers: auth })).status).toBe(405);
  });
});

function postTo(target: ResendStandIn, path: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${target.url}${path}`, {
    method: "POST",
    headers: { authorization: "Bearer re_team_a", "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  });
}

describe("resend stand-in: limits", () => {
  it("admits at most the team's rate in any second, answers 429 with retry-after and ratelimit-* headers, and counts teams apart", async () => {
    const limited = await startResendStandIn({ ratePerSecond: 2 });
    try {
      const statuses = [];
      for (let n = 0; n < 3; n++) statuses.push(await postTo(limited, "/emails", validBody));
      expect(statuses.map((r) => r.status)).toEqual([200, 200, 429]);
      expect(statuses[1]!.headers.get("ratelimit-limit")).toBe("2");
      expect(statuses[1]!.headers.get("ratelimit-remaining")).toBe("0");
      const refused = statuses[2]!;
      expect(refused.headers.get("retry-after")).toBe("1");
      expect(refused.headers.get("ratelimit-reset")).toBe("1");
      expect(((await refused.json()) as { name: string }).name).toBe("rate_limit_exceeded");
      // Another team has its own allowance.
      expect((await postTo(limited, "/emails", validBody, { authorization: "Bearer re_team_b" })).status).toBe(200);
      await new Promise((resolve) => setTimeout(resolve, 1000));
      expect((await postTo(limited, "/emails", validBody)).status).toBe(200);
      expect(limited.sent).toHaveLength(4);
      expect(busiestWindow(limited.log.filter((r) => r.endpoint === "single"))).toBeLessThanOrEqual(3);
    } finally {
      await limited.close();
    }
  });

  it("takes up to 100 emails in one batch request, refuses 101 or an attachment, and replays a batch by its key", async () => {
    const hundred = Array.from({ length: 100 }, (_, n) => ({ ...validBody, to: [`person${n}@example.org`] }));
    const accepted = await postTo(standIn, "/emails/batch", hundred, { "idempotency-key": "batch-1" });
    expect(accepted.status).toBe(200);
    const { data } = (await accepted.json()) as { data: { id: string }[] };
    expect(data).toHaveLength(100);
    expect(standIn.sent).toHaveLength(100);
    expect(standIn.sent.every((email) => email.endpoint === "batch" && email.idempotencyKey === "batch-1")).toBe(true);

    const replay = await postTo(standIn, "/emails/batch", hundred, { "idempotency-key": "batch-1" });
    expect(((await replay.json()) as { data: { id: string }[] }).data).toEqual(data);
    expect(standIn.sent).toHaveLength(100);

    const tooMany = await postTo(standIn, "/emails/batch", [...hundred, validBody]);
    expect(tooMany.status).toBe(422);
    const withAttachment = await postTo(standIn, "/emails/batch", [{ ...validBody, attachments: [{ filename: "a.ics", content: "QQ==" }] }]);
    expect(withAttachment.status).toBe(422);
    // One bad email refuses the whole batch.
    const oneBad = await postTo(standIn, "/emails/batch", [validBody, { ...validBody, to: ["not an address"] }]);
    expect(oneBad.status).toBe(422);
    expect(standIn.sent).toHaveLength(100);
  });

  it("forgets an idempotency key after 24 hours", async () => {
    let now = Date.now();
    const clocked = await startResendStandIn({ clock: () => now });
    try {
      expect((await postTo(clocked, "/emails", validBody, { "idempotency-key": "k" })).status).toBe(200);
      now += 23 * 3_600_000;
      expect((await postTo(clocked, "/emails", { ...validBody, subject: "Other" }, { "idempotency-key": "k" })).status).toBe(409);
      now += 2 * 3_600_000;
      expect((await postTo(clocked, "/emails", { ...validBody, subject: "Other" }, { "idempotency-key": "k" })).status).toBe(200);
      expect(clocked.sent).toHaveLength(2);
    } finally {
      await clocked.close();
    }
  });

  it("fails about the share of requests it was told to, with 429s and 500s mixed", async () => {
    const flaky = await startResendStandIn({ failureRate: 0.5, seed: 7 });
    try {
      const statuses: number[] = [];
      for (let n = 0; n < 200; n++) statuses.push((await postTo(flaky, "/emails", validBody)).status);
      const failed = statuses.filter((s) => s !== 200);
      expect(failed.length).toBeGreaterThan(70);
      expect(failed.length).toBeLessThan(130);
      expect(new Set(failed)).toEqual(new Set([429, 500]));
      expect(flaky.sent).toHaveLength(200 - failed.length);
    } finally {
      await flaky.close();
    }
  });
});
