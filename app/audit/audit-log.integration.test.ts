// Changes that belong to no event (accounts, people) are kept too, and only
// administrators may read them.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loader as instanceAuditLoader } from "~/routes/admin.audit";
import { action as newPersonAction } from "~/routes/admin.people.new";
import { testLoadContext } from "../../test/support/load-context";
import { organizerPost, signedInOrganizer } from "../../test/support/organizer";
import { createTestDatabase, type TestDatabase } from "../../test/support/test-database";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.destroy();
});

async function thrownStatus(promise: Promise<unknown>): Promise<number> {
  try {
    await promise;
  } catch (thrown) {
    if (thrown instanceof Response) return thrown.status;
    throw thrown;
  }
  return 200;
}

describe("instance audit log", () => {
  it("shows an admin who added a person, and refuses an organizer", async () => {
    const admin = await signedInOrganizer(database.db, { email: "admin@kth.se", name: "Ada Admin", role: "admin" });
    const organizer = await signedInOrganizer(database.db, { email: "org@hkust.edu.hk", name: "Olle Organizer" });
    await thrownStatus(
      newPersonAction({ request: organizerPost("/admin/people/new", organizer.cookie, { name: "Erik JENELIUS", affiliation: "KTH" }), params: {}, context: testLoadContext(database.db) }),
    );

    const page = await instanceAuditLoader({ request: new Request("http://podium.test/admin/audit", { headers: { Cookie: admin.cookie } }), params: {}, context: testLoadContext(database.db) });
    expect(page.entries.map((e) => e.actor)).toContain("Olle Organizer <org@hkust.edu.hk>");
    expect(page.entries.some((e) => e.summary.includes("Erik JENELIUS"))).toBe(true);

    expect(
      await thrownStatus(instanceAuditLoader({ request: new Request("http://podium.test/admin/audit", { headers: { Cookie: organizer.cookie } }), params: {}, context: testLoadContext(database.db) })),
    ).toBe(403);
  });
});
