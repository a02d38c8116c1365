// Where absolute links point: PUBLIC_URL in a deployment (which must set it), the
// demo's own address otherwise, shared through the database with a separate worker.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readEnv } from "~/env.server";
import { createTestDatabase, type TestDatabase } from "../../test/support/test-database";
import { listeningOrigin, resolveWebOrigin, resolveWorkerOrigin } from "./public-origin.server";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.destroy();
});

describe("the public origin", () => {
  it("refuses to start a production deployment on PostgreSQL without PUBLIC_URL, saying what to set", () => {
    expect(() => readEnv({ NODE_ENV: "production", DATABASE_URL: "postgres://db/podium" })).toThrow(/PUBLIC_URL: must be set when NODE_ENV=production and DATABASE_URL is set/);
    expect(() => readEnv({ NODE_ENV: "production", DATABASE_URL: "postgres://db/podium", PUBLIC_URL: "ftp://events.example.edu" })).toThrow(/http:\/\/ or https:\/\//);
    expect(readEnv({ NODE_ENV: "production", DATABASE_URL: "postgres://db/podium", PUBLIC_URL: "https://events.example.edu/" }).PUBLIC_URL).toBe("https://events.example.edu/");
    // The embedded demo may run in production mode without one.
    expect(readEnv({ NODE_ENV: "production" }).PUBLIC_URL).toBeUndefined();
  });

  it("takes PUBLIC_URL's origin for the web process and the worker alike", async () => {
    const env = readEnv({ NODE_ENV: "test", PUBLIC_URL: "https://events.example.edu/podium/" });
    expect(await resolveWebOrigin(database.db, env)).toBe("https://events.example.edu");
    expect(await resolveWorkerOrigin(database.db, env)).toBe("https://events.example.edu");
  });

  it("records the demo's listening address at start so a separate worker links to the same place", async () => {
    expect(listeningOrigin({ HOST: "0.0.0.0", PORT: 3000 })).toBe("http://localhost:3000");
    expect(listeningOrigin({ HOST: "::1", PORT: 8080 })).toBe("http://[::1]:8080");
    const web = await resolveWebOrigin(database.db, readEnv({ NODE_ENV: "test", HOST: "127.0.0.1", PORT: "4100" }));
    expect(web).toBe("http://127.0.0.1:4100");
    // The worker runs with its own (default) PORT, yet links to where the web process listens.
    expect(await resolveWorkerOrigin(database.db, readEnv({ NODE_ENV: "test" }))).toBe("http://127.0.0.1:4100");
    // A later start on another port moves the links with it.
    await resolveWebOrigin(database.db, readEnv({ NODE_ENV: "test", PORT: "4200" }));
    expect(await resolveWorkerOrigin(database.db, readEnv({ NODE_ENV: "test" }))).toBe("http://localhost:4200");
  });
});
