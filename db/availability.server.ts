// Is the database away, or did the query itself fail? The one place that tells a
// connection problem (PostgreSQL restarting, the network gone, the pool torn down)
// from every other error, so pages can answer "try again in a moment" (503) rather
// than "something went wrong" (500), and the worker can wait instead of spinning.

/** How long we ask people and clients to wait before trying again (the Retry-After header). */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

/** Socket errors from node's net module: nothing answered, or the line dropped. */
const SOCKET_ERROR_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ECONNABORTED",
  "EPIPE",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "EHOSTDOWN",
  "ENETUNREACH",
  "ENETDOWN",
  "EAI_AGAIN",
  "ENOTFOUND",
]);

/** The postgres driver's own connection errors (postgres.js `Errors.connection`). */
const DRIVER_CONNECTION_CODES = new Set(["CONNECTION_CLOSED", "CONNECTION_ENDED", "CONNECTION_DESTROYED", "CONNECT_TIMEOUT"]);

/**
 * SQLSTATEs a server sends while it goes down or comes up: 57P01 admin_shutdown
 * (a fast shutdown or restart), 57P02 crash_shutdown, 57P03 cannot_connect_now
 * (starting up or shutting down), 53300 too_many_connections (the pool refilling
 * at once after a restart), and every class 08 connection_exception.
 */
function isUnavailableSqlState(code: string): boolean {
  return code === "57P01" || code === "57P02" || code === "57P03" || code === "53300" || /^08[0-9A-Z]{3}$/.test(code);
}

/** Raised by `withDatabaseDeadline` when the database does not answer in time. */
export class DatabaseTimeoutError extends Error {
  readonly code = "PODIUM_DATABASE_TIMEOUT";
  constructor(milliseconds: number) {
    super(`The database did not answer within ${milliseconds} ms`);
    this.name = "DatabaseTimeoutError";
  }
}

function ownCode(error: object): string | undefined {
  const code = (error as { code?: unknown }).code;
  return typeof code === "string" ? code : undefined;
}

/**
 * True when `error` (or anything it wraps: drizzle puts the driver's error in
 * `cause`, node puts each address's failure in an AggregateError's `errors`)
 * says the database cannot be reached right now. Query errors (a unique
 * violation, a syntax error, a check constraint) are never "unavailable".
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  const pending: unknown[] = [error];
  while (pending.length > 0 && seen.size < 20) {
    const current = pending.pop();
    if (current === null || typeof current !== "object" || seen.has(current)) continue;
    seen.add(current);
    const code = ownCode(current);
    if (code !== undefined) {
      if (SOCKET_ERROR_CODES.has(code) || DRIVER_CONNECTION_CODES.has(code) || isUnavailableSqlState(code)) return true;
      if (code === "PODIUM_DATABASE_TIMEOUT") return true;
    }
    pending.push((current as { cause?: unknown }).cause);
    const nested = (current as { errors?: unknown }).errors;
    if (Array.isArray(nested)) pending.push(...nested);
  }
  return false;
}

/** Runs `work`, or rejects with DatabaseTimeoutError once `milliseconds` have passed; never hangs. */
export async function withDatabaseDeadline<T>(milliseconds: number, work: () => Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new DatabaseTimeoutError(milliseconds)), milliseconds);
  });
  try {
    return await Promise.race([work(), deadline]);
  } finally {
    clearTimeout(timer);
  }
}
