// The quadratic step of issue 10: Conform's parse copied the array of a repeated field
// once per occurrence. parseSubmission must give Conform's own answer, in linear time.
import { parseWithZod } from "@conform-to/zod";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { parseSubmission } from "./form-submission.server";

const schema = z.object({
  name: z.string().min(1),
  zones: z.array(z.string()).default([]),
  ids: z.array(z.string().uuid()).optional(),
  answers: z.object({ topics: z.array(z.string()).optional(), department: z.string().optional() }).default({}),
  seats: z.number().int().min(1).optional(),
  consent: z.boolean().default(false),
});

function timed(run: () => unknown): number {
  const started = performance.now();
  run();
  return performance.now() - started;
}

describe("parseSubmission", () => {
  it("gives exactly Conform's result, values and errors, for any mix of repeated fields", () => {
    const names = fc.constantFrom("name", "zones", "ids", "answers.topics", "answers.department", "other", "zones[0]", "seats", "consent");
    const values = fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom("on", "12", "0", "1.5", "", " "));
    fc.assert(
      // One schema for every run: the coercion parseSubmission keeps per schema must carry nothing from one form to the next.
      fc.property(fc.array(fc.tuple(names, values), { maxLength: 15 }), (pairs) => {
        const form = new URLSearchParams(pairs);
        const ours = parseSubmission(form, { schema });
        const conform = parseWithZod(form, { schema });
        expect(ours.status).toEqual(conform.status);
        expect(ours.payload).toEqual(conform.payload);
        expect(ours.reply()).toEqual(conform.reply());
        if (ours.status === "success" && conform.status === "success") expect(ours.value).toEqual(conform.value);
      }),
      { numRuns: 300 },
    );
  }, 30_000);

  it("parses 20,000 copies of one field about as fast as 20,000 different fields", () => {
    const repeated = new URLSearchParams(Array.from({ length: 20_000 }, () => ["zones", "Europe/Stockholm"]));
    const distinct = new URLSearchParams(Array.from({ length: 20_000 }, (_, i) => [`field${i}`, "Europe/Stockholm"]));
    timed(() => parseSubmission(distinct, { schema })); // warm up
    const distinctMs = timed(() => parseSubmission(distinct, { schema }));
    const repeatedMs = timed(() => parseSubmission(repeated, { schema }));
    // Conform alone: ~2 s against ~15 ms. Linear parsing stays within a small multiple.
    expect(repeatedMs).toBeLessThan(Math.max(10 * distinctMs, 200));
    expect(parseSubmission(repeated, { schema }).payload).toMatchObject({ zones: expect.arrayContaining(["Europe/Stockholm"]) });
  });
});

describe("Conform's own fields sent by hand", () => {
  const controls = fc.oneof(
    fc.string({ maxLength: 30 }),
    fc.json({ maxDepth: 2 }),
    fc.constantFrom('{"type":"remove","payload":{"name":"zones","index":9}}', '{"type":"insert","payload":{"name":"nowhere.deep[3]"}}', '{"type":"validate","payload":{}}', "null", "[]", '{"type":1}'),
  );
  it("never make the parse throw: a bad intent or state counts as absent and the inputs are judged as sent", () => {
    fc.assert(
      fc.property(controls, controls, fc.string({ maxLength: 8 }), (intent, state, name) => {
        const form = new URLSearchParams([["__intent__", intent], ["__state__", state], ["name", name]]);
        const submission = parseSubmission(form, { schema });
        expect(["success", "error", undefined]).toContain(submission.status);
      }),
      { numRuns: 500 },
    );
  });

  it("still honour the intent a page's own button sends", () => {
    const form = new URLSearchParams([["__intent__", JSON.stringify({ type: "validate", payload: { name: "name" } })], ["name", ""]]);
    expect(parseSubmission(form, { schema }).status).toBeUndefined();
    const plain = parseSubmission(new URLSearchParams([["__intent__", "bF]l4fe]$"], ["name", ""]]), { schema });
    expect(plain.status === "error" ? Object.keys(plain.error ?? {}) : []).toEqual(["name"]);
  });

  it("treat a file sent under the intent's name as no intent", () => {
    const form = new FormData();
    form.append("__intent__", new File(["x"], "x.txt"));
    form.append("name", "Kim");
    expect(parseSubmission(form, { schema }).status).toBe("success");
  });
});
