// How many web processes `npm start` runs, and the one setting it refuses.
import { describe, expect, it } from "vitest";
import { readEnv, webProcessCount } from "~/env.server";

const POSTGRES = { NODE_ENV: "test", DATABASE_URL: "postgres://podium@db.example.edu/podium" } as const;

describe("web process count", () => {
  it("is one per core on PostgreSQL unless PODIUM_PROCESSES says otherwise", () => {
    expect(webProcessCount(readEnv(POSTGRES), 2)).toBe(2);
    expect(webProcessCount(readEnv(POSTGRES), 8)).toBe(8);
    expect(webProcessCount(readEnv({ ...POSTGRES, PODIUM_PROCESSES: "3" }), 8)).toBe(3);
    expect(webProcessCount(readEnv({ ...POSTGRES, PODIUM_PROCESSES: "1" }), 8)).toBe(1);
  });

  it("is one on the embedded database, whatever the cores", () => {
    expect(webProcessCount(readEnv({ NODE_ENV: "test" }), 16)).toBe(1);
    expect(webProcessCount(readEnv({ NODE_ENV: "test", PODIUM_PROCESSES: "1" }), 16)).toBe(1);
  });

  it("refuses more than one process on the embedded database, and nonsense, with a message naming the setting", () => {
    expect(() => readEnv({ NODE_ENV: "test", PODIUM_PROCESSES: "2" })).toThrow(/PODIUM_PROCESSES: the embedded database .* one process only/);
    expect(() => readEnv({ ...POSTGRES, PODIUM_PROCESSES: "0" })).toThrow(/PODIUM_PROCESSES/);
    expect(() => readEnv({ ...POSTGRES, PODIUM_PROCESSES: "two" })).toThrow(/PODIUM_PROCESSES/);
  });
});
