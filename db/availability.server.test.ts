import { createServer } from "node:net";
import fc from "fast-check";
import postgres from "postgres";
import { describe, expect, it } from "vitest";
import { isKnownDriverCrash } from "./driver-crash.server";
import { DatabaseTimeoutError, isDatabaseUnavailable, withDatabaseDeadline } from "./availability.server";

/** A loopback port nothing listens on. */
async function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

const UNAVAILABLE_CODES = ["ECONNREFUSED", "ECONNRESET", "EPIPE", "ETIMEDOUT", "CONNECTION_CLOSED", "CONNECTION_ENDED", "CONNECTION_DESTROYED", "CONNECT_TIMEOUT", "57P01", "57P02", "57P03", "53300", "08006", "08001", "08P01"];
const QUERY_ERROR_CODES = ["23505", "23503", "23514", "42601", "42P01", "22P02", "40001", "40P01", "57014", "UNDEFINED_VALUE", "MAX_PARAMETERS_EXCEEDED", "ERR_INVALID_ARG_TYPE"];

function withCode(code: string): Error {
  return Object.assign(new Error(`failed with ${code}`), { code });
}

/** Wraps an error the way drizzle (cause) and node (AggregateError) do, `depth` times. */
function wrap(error: Error, layers: ("cause" | "aggregate")[]): Error {
  return layers.reduce<Error>(
    (inner, layer) => (layer === "cause" ? new Error("Failed query: insert into registrations …", { cause: inner }) : new AggregateError([new Error("other address"), inner], "all addresses failed")),
    error,
  );
}

describe("isDatabaseUnavailable", () => {
  it("recognises the real driver's error when nothing listens on the port", async () => {
    const client = postgres(`postgres://postgres@127.0.0.1:${await closedPort()}/podium`, { max: 1, connect_timeout: 2, onnotice: () => {} });
    const error = await client`select 1`.then(() => null, (e: unknown) => e);
    await client.end({ timeout: 0 });
    expect((error as { code?: string }).code).toBe("ECONNREFUSED");
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it("finds a connection problem however deeply it is wrapped, and nothing else", () => {
    const layers = fc.array(fc.constantFrom("cause" as const, "aggregate" as const), { maxLength: 6 });
    fc.assert(
      fc.property(fc.constantFrom(...UNAVAILABLE_CODES), layers, (code, wrapping) => isDatabaseUnavailable(wrap(withCode(code), wrapping))),
    );
    fc.assert(
      fc.property(fc.constantFrom(...QUERY_ERROR_CODES), layers, (code, wrapping) => !isDatabaseUnavailable(wrap(withCode(code), wrapping))),
    );
  });

  it("is false for things that are not errors, and survives a cause cycle", () => {
    for (const value of [undefined, null, "ECONNREFUSED", 57, { code: 57 }, new Error("ECONNREFUSED in the message only")]) {
      expect(isDatabaseUnavailable(value)).toBe(false);
    }
    const a = new Error("a") as Error & { cause?: unknown };
    const b = new Error("b", { cause: a });
    a.cause = b;
    expect(isDatabaseUnavailable(a)).toBe(false);
  });

  it("treats a missed deadline as an outage", async () => {
    const error = await withDatabaseDeadline(20, () => new Promise(() => {})).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatabaseTimeoutError);
    expect(isDatabaseUnavailable(error)).toBe(true);
    await expect(withDatabaseDeadline(1000, async () => "answered")).resolves.toBe("answered");
  });
});

describe("isKnownDriverCrash", () => {
  const stack = (frame: string) => `TypeError: Cannot read properties of null (reading 'write')\n    at ${frame}\n    at process.processImmediate (node:internal/timers:483:21)`;
  function typeError(frame: string, message = "Cannot read properties of null (reading 'write')") {
    const error = new TypeError(message);
    error.stack = stack(frame);
    return error;
  }

  it("recognises the driver's null-socket write, from the ESM and the CommonJS build", () => {
    expect(isKnownDriverCrash(typeError("Immediate.nextWrite (file:///app/node_modules/postgres/src/connection.js:255:22)"))).toBe(true);
    expect(isKnownDriverCrash(typeError("Immediate.nextWrite (/app/node_modules/postgres/cjs/src/connection.js:255:22)"))).toBe(true);
  });

  it("does not excuse the same message from our own code, or other driver errors", () => {
    expect(isKnownDriverCrash(typeError("registerAttendee (/app/app/registrations/register.server.ts:40:3)"))).toBe(false);
    expect(isKnownDriverCrash(typeError("Immediate.nextWrite (/app/node_modules/postgres/src/connection.js:255:22)", "Cannot read properties of undefined (reading 'length')"))).toBe(false);
    expect(isKnownDriverCrash(Object.assign(new Error("Cannot read properties of null (reading 'write')"), { stack: stack("Immediate.nextWrite (/app/node_modules/postgres/src/connection.js:1:1)") }))).toBe(false);
  });
});
