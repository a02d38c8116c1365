// The SSRF rules and the retry arithmetic, over many inputs.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { backoffWithJitterSeconds } from "~/server/claim-lease.server";
import { isRetryable } from "./delivery-claims.server";
import { retryAfterSeconds } from "./send-webhook.server";
import { isPublicAddress, resolveTarget, urlProblem } from "./target-guard.server";

const octet = fc.integer({ min: 0, max: 255 });
const PRODUCTION = { allowPrivate: false };

describe("which addresses a webhook may reach in production", () => {
  it("refuses every address in the loopback, private, link-local and shared ranges, also when IPv4-mapped", () => {
    const privateV4 = fc.oneof(
      fc.tuple(octet, octet, octet).map(([b, c, d]) => `10.${b}.${c}.${d}`),
      fc.tuple(octet, octet, octet).map(([b, c, d]) => `127.${b}.${c}.${d}`),
      fc.tuple(octet, octet).map(([c, d]) => `169.254.${c}.${d}`),
      fc.tuple(octet, octet).map(([c, d]) => `192.168.${c}.${d}`),
      fc.tuple(fc.integer({ min: 16, max: 31 }), octet, octet).map(([b, c, d]) => `172.${b}.${c}.${d}`),
      fc.tuple(fc.integer({ min: 64, max: 127 }), octet, octet).map(([b, c, d]) => `100.${b}.${c}.${d}`),
      fc.tuple(octet, octet, octet).map(([b, c, d]) => `0.${b}.${c}.${d}`),
    );
    fc.assert(
      fc.property(privateV4, (address) => {
        expect(isPublicAddress(address)).toBe(false);
        expect(isPublicAddress(`::ffff:${address}`)).toBe(false);
      }),
    );
  });

  it("allows ordinary public addresses and refuses IPv6 loopback, link-local and unique-local ones", () => {
    for (const address of ["93.184.216.34", "130.237.28.40", "2001:6b0:1::200"]) expect(isPublicAddress(address), address).toBe(true);
    for (const address of ["::1", "::", "fe80::1", "fd00::5", "fc12::1", "255.255.255.255", "224.0.0.1", "not an address"]) expect(isPublicAddress(address), address).toBe(false);
  });

  it("checks what a name resolves to, not the name: localhost is refused at delivery", async () => {
    expect(await resolveTarget(new URL("https://localhost/hook"), PRODUCTION)).toMatchObject({ ok: false, reason: expect.stringMatching(/^refused: localhost resolves to/) });
    expect(await resolveTarget(new URL("https://[::1]/hook"), PRODUCTION)).toMatchObject({ ok: false });
    expect(await resolveTarget(new URL("https://10.0.0.1/hook"), PRODUCTION)).toMatchObject({ ok: false });
    expect(await resolveTarget(new URL("https://93.184.216.34/hook"), PRODUCTION)).toEqual({ ok: true, address: "93.184.216.34", family: 4 });
    expect(await resolveTarget(new URL("http://127.0.0.1:9/hook"), { allowPrivate: true })).toEqual({ ok: true, address: "127.0.0.1", family: 4 });
  });

  it("explains at save time why a URL is refused", () => {
    expect(urlProblem("http://crm.example.edu/h", PRODUCTION)).toMatch(/https/);
    expect(urlProblem("https://user:pw@crm.example.edu/h", PRODUCTION)).toMatch(/passwords/);
    expect(urlProblem("https://169.254.169.254/latest", PRODUCTION)).toMatch(/private/);
    expect(urlProblem("https://intranet/h", PRODUCTION)).toMatch(/public host name/);
    expect(urlProblem("https://crm.example.edu/h", PRODUCTION)).toBeNull();
    expect(urlProblem("http://127.0.0.1:3000/h", { allowPrivate: true })).toBeNull();
  });
});

describe("retries", () => {
  it("waits between half and all of base·2^(n−1), capped, for any failure count and randomness", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 60 }), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), (failures, r) => {
        const ceiling = Math.min(6 * 3600, 10 * 2 ** (failures - 1));
        const wait = backoffWithJitterSeconds(failures, { baseSeconds: 10, capSeconds: 6 * 3600 }, () => r);
        expect(wait).toBeGreaterThanOrEqual(ceiling / 2);
        expect(wait).toBeLessThanOrEqual(ceiling);
      }),
    );
  });

  it("retries timeouts, connection errors, 429 and 5xx, and nothing else", () => {
    expect(isRetryable({ status: null, error: "timed out after 10 s" })).toBe(true);
    for (const status of [429, 500, 502, 503, 599]) expect(isRetryable({ status, error: null }), String(status)).toBe(true);
    for (const status of [301, 302, 400, 401, 404, 410, 422]) expect(isRetryable({ status, error: null }), String(status)).toBe(false);
  });

  it("reads Retry-After as seconds or as an HTTP date", () => {
    const now = Date.parse("2026-11-23T12:00:00Z");
    expect(retryAfterSeconds("120", now)).toBe(120);
    expect(retryAfterSeconds("Mon, 23 Nov 2026 12:01:30 GMT", now)).toBe(90);
    expect(retryAfterSeconds("soon", now)).toBeNull();
    expect(retryAfterSeconds(undefined, now)).toBeNull();
  });
});
