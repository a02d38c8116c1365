// The organizer console's shared directories (people, series, organizations),
// driven through their route loaders and actions as Remix calls them.
import { and, eq, isNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEvent } from "~db/factories";
import { auditLog, eventOrganizers, organizations, people, series, type User } from "~db/schema";
import { createSession } from "~/auth/session.server";
import { createUser } from "~/auth/users.server";
import { action as editOrganizationAction, loader as editOrganizationLoader } from "~/routes/admin.organizations.$organizationId";
import { loader as organizationsLoader } from "~/routes/admin.organizations._index";
import { action as newOrganizationAction, loader as newOrganizationLoader } from "~/routes/admin.organizations.new";
import { action as editPersonAction, loader as editPersonLoader } from "~/routes/admin.people.$personId";
import { loader as peopleLoader } from "~/routes/admin.people._index";
import { action as newPersonAction, loader as newPersonLoader } from "~/routes/admin.people.new";
import { action as editSeriesAction, loader as editSeriesLoader } from "~/routes/admin.series.$seriesId";
import { loader as seriesListLoader } from "~/routes/admin.series._index";
import { action as newSeriesAction, loader as newSeriesLoader } from "~/routes/admin.series.new";
import { loader as publicSeriesLoader } from "~/routes/series.$slug";
import { loader as speakerLoader } from "~/routes/speakers.$slug";
import { requestFor, testLoadContext } from "../../test/support/load-context";
import { createTestDatabase, type TestDatabase } from "../../test/support/test-database";

let database: TestDatabase;
let organizer: User;
let cookie: string;

beforeAll(async () => {
  database = await createTestDatabase();
  organizer = await createUser(database.db, { email: "chair@kth.se", name: "Programme Chair", password: "correct horse battery", role: "organizer" });
  cookie = await createSession(database.db, { user: organizer, request: requestFor("/login") });
});
afterAll(async () => {
  await database.destroy();
});

const context = () => testLoadContext(database.db);

function get(path: string, session: string | null = cookie): Request {
  return new Request(`http://podium.test${path}`, { headers: session ? { Cookie: session.split(";")[0]! } : {} });
}

function post(path: string, fields: Record<string, string>, session: string | null = cookie): Request {
  const headers: Record<string, string> = { "Content-Type": "application/x-www-form-urlencoded" };
  if (session) headers.Cookie = session.split(";")[0]!;
  return new Request(`http://podium.test${path}`, { method: "POST", body: new URLSearchParams(fields), headers });
}

async function thrown(promise: Promise<unknown>): Promise<Response> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof Response) return error;
    throw error;
  }
  throw new Error("expected a thrown Response");
}

async function countRows(table: typeof people | typeof series | typeof organizations): Promise<number> {
  return (await database.db.select({ id: table.id }).from(table)).length;
}

/** Posts the new-person form and expects the redirect back to the list; returns the saved row. */
async function addPerson(fields: Record<string, string>) {
  const response = await thrown(newPersonAction({ request: post("/admin/people/new", fields), params: {}, context: context() }));
  expect(response.status).toBe(302);
  expect(response.headers.get("Location")).toBe("/admin/people?notice=saved");
  const [row] = await database.db.select().from(people).where(eq(people.name, fields.name!));
  return row!;
}

describe("people directory", () => {
  it("adds a person and finds them by part of their affiliation in another letter case", async () => {
    const person = await addPerson({
      honorific: "Prof.",
      name: "Erik JENELIUS",
      position: "Associate Professor",
      affiliation: "KTH Royal Institute of Technology",
      homeZone: "Europe/Stockholm",
      email: "erik@kth.example",
    });
    expect(person).toMatchObject({ slug: "erik-jenelius", homeZone: "Europe/Stockholm", photoUrl: null });

    const list = await peopleLoader({ request: get("/admin/people?q=%20royal%20INSTITUTE%20&notice=saved"), params: {}, context: context() });
    expect(list.notice).toBe(true);
    expect(list.query).toBe("royal INSTITUTE");
    expect(list.people).toEqual([
      { id: person.id, displayName: "Prof. Erik JENELIUS", position: "Associate Professor", affiliation: "KTH Royal Institute of Technology", homeZone: "Europe/Stockholm" },
    ]);
    const byEmail = await peopleLoader({ request: get("/admin/people?q=ERIK%40KTH"), params: {}, context: context() });
    expect(byEmail.people.map((p) => p.id)).toEqual([person.id]);
    const nobody = await peopleLoader({ request: get("/admin/people?q=Caltech"), params: {}, context: context() });
    expect(nobody.people).toEqual([]);
  });

  it("treats % and _ in a search as plain characters, and lists everyone by name without one", async () => {
    await addPerson({ name: "Ada Lovelace", affiliation: "Analytical_Engines" });
    await addPerson({ name: "alan turing", affiliation: "Bletchley" });
    const wildcard = await peopleLoader({ request: get("/admin/people?q=%25"), params: {}, context: context() });
    expect(wildcard.people).toEqual([]);
    const underscore = await peopleLoader({ request: get("/admin/people?q=_"), params: {}, context: context() });
    expect(underscore.people.map((p) => p.displayName)).toEqual(["Ada Lovelace"]);
    const everyone = await peopleLoader({ request: get("/admin/people"), params: {}, context: context() });
    expect(everyone.notice).toBe(false);
    expect(everyone.people.map((p) => p.displayName)).toEqual(["Ada Lovelace", "alan turing", "Prof. Erik JENELIUS"]);
  });

  it("answers an invalid photo link, an unknown zone or a 10 kB name with 400 and the reason, keeping the input and writing nothing", async () => {
    const before = await countRows(people);
    const cases: [Record<string, string>, string, string][] = [
      [{ name: "Grace Hopper", photoUrl: "javascript:alert(1)" }, "photoUrl", "The photo link must start with https:// or http://"],
      [{ name: "Grace Hopper", photoUrl: "not a link" }, "photoUrl", "Enter the full photo link, starting with https://"],
      [{ name: "Grace Hopper", homeZone: "Mars/Olympus_Mons" }, "homeZone", "Choose a time zone from the list"],
      [{ name: "G".repeat(10_000) }, "name", "Keep the name under 200 characters"],
      [{ name: "   " }, "name", "Enter the person's name"],
      [{ name: "Grace Hopper", email: "grace@" }, "email", "Enter a valid email address, like name@university.edu"],
      [{ name: "Grace Hopper", slug: "Grace Hopper!" }, "slug", "Use lowercase letters, digits and single hyphens, like erik-jenelius"],
    ];
    for (const [fields, field, message] of cases) {
      const result = await newPersonAction({ request: post("/admin/people/new", fields), params: {}, context: context() });
      expect(result.init?.status).toBe(400);
      expect(result.data.result.error?.[field]).toEqual([message]);
      expect(result.data.result.initialValue).toMatchObject(fields);
    }
    expect(await countRows(people)).toBe(before);
  });

  it("refuses an address another person already uses, and numbers generated ones", async () => {
    await addPerson({ name: "Naubahar Sharif", slug: "naubahar-sharif" });
    const before = await countRows(people);
    const result = await newPersonAction({ request: post("/admin/people/new", { name: "Someone Else", slug: "naubahar-sharif" }), params: {}, context: context() });
    expect(result.init?.status).toBe(400);
    expect(result.data.result.error?.slug).toEqual(["Another person already uses this address; choose another one or leave it empty"]);
    expect(result.data.result.initialValue).toMatchObject({ name: "Someone Else" });
    expect(await countRows(people)).toBe(before);

    // Same name, no address: the directory makes a free one instead of refusing.
    await thrown(newPersonAction({ request: post("/admin/people/new", { name: "Naubahar  SHARIF" }), params: {}, context: context() }));
    const [twin] = await database.db.select().from(people).where(eq(people.name, "Naubahar  SHARIF"));
    expect(twin!.slug).toBe("naubahar-sharif-2");

    // Editing someone onto a taken address is refused the same way.
    const edit = await editPersonAction({
      request: post(`/admin/people/${twin!.id}`, { name: "Naubahar  SHARIF", slug: "naubahar-sharif" }),
      params: { personId: twin!.id },
      context: context(),
    });
    expect(edit.init?.status).toBe(400);
    expect(edit.data.result.error?.slug).toEqual(["Another person already uses this address; choose another one or leave it empty"]);
  });

  it("changes what the public speaker page shows, and audits each change", async () => {
    const person = await addPerson({ honorific: "Dr.", name: "Wei Chen", affiliation: "HKUST", homeZone: "Asia/Hong_Kong" });
    const event = await createEvent(database.db, {
      title: "Cities after the pandemic",
      startsAt: new Date("2030-03-05T09:00:00Z"),
      endsAt: new Date("2030-03-05T10:00:00Z"),
      displayZones: ["Europe/Stockholm", "Asia/Hong_Kong"],
      agenda: [{ kind: "talk", title: "Dense cities, safe cities", roles: [{ person, role: "speaker" }] }],
    });
    // The organizer's own event: a person on someone else's event is theirs to change (decision 015).
    await database.db.insert(eventOrganizers).values({ eventId: event.id, userId: organizer.id });
    const before = await speakerLoader({ request: requestFor(`/speakers/${person.slug}`), params: { slug: person.slug }, context: context() });
    expect(before.person).toMatchObject({ displayName: "Dr. Wei Chen", affiliation: "HKUST", bio: "" });

    const editPage = await editPersonLoader({ request: get(`/admin/people/${person.id}`), params: { personId: person.id }, context: context() });
    expect(editPage.slug).toBe("wei-chen");
    expect(editPage.defaultValue).toMatchObject({ name: "Wei Chen", homeZone: "Asia/Hong_Kong", slug: "wei-chen", photoUrl: "" });
    expect(editPage.appearances).toEqual([
      expect.objectContaining({ eventTitle: "Cities after the pandemic", segmentTitle: "Dense cities, safe cities", roleLabel: "Speaker", date: expect.stringContaining("2030") }),
    ]);

    const saved = await thrown(
      editPersonAction({
        request: post(`/admin/people/${person.id}`, {
          honorific: "Prof.",
          name: "Wei Chen",
          position: "Chair Professor",
          affiliation: "HKUST, Division of Public Policy",
          bio: "Works on urban resilience.",
          photoUrl: "https://photos.example/wei.jpg",
          homeZone: "Asia/Hong_Kong",
          slug: "wei-chen-hkust",
        }),
        params: { personId: person.id },
        context: context(),
      }),
    );
    expect(saved.status).toBe(302);
    expect(saved.headers.get("Location")).toBe("/admin/people?notice=saved");

    const after = await speakerLoader({ request: requestFor("/speakers/wei-chen-hkust"), params: { slug: "wei-chen-hkust" }, context: context() });
    expect(after.person).toMatchObject({
      displayName: "Prof. Wei Chen",
      position: "Chair Professor",
      affiliation: "HKUST, Division of Public Policy",
      bio: "Works on urban resilience.",
      photoUrl: "https://photos.example/wei.jpg",
    });
    expect(after.sessions.map((s) => s.title)).toEqual(["Dense cities, safe cities"]);
    const oldAddress = await thrown(speakerLoader({ request: requestFor("/speakers/wei-chen"), params: { slug: "wei-chen" }, context: context() }));
    expect(oldAddress.status).toBe(404);

    const entries = await database.db
      .select()
      .from(auditLog)
      .where(and(isNull(auditLog.eventId), eq(auditLog.actorUserId, organizer.id)));
    const created = entries.find((e) => e.action === "person.created" && e.details.personId === person.id);
    expect(created).toMatchObject({ actorLabel: "Programme Chair <chair@kth.se>", summary: "Added “Dr. Wei Chen” to the people directory" });
    const updated = entries.find((e) => e.action === "person.updated" && e.details.personId === person.id);
    expect(updated?.details.fields).toEqual(["honorific", "position", "affiliation", "bio", "photoUrl", "slug"]);
    expect(updated?.summary).toBe("Changed honorific, position, affiliation, bio, photoUrl, slug of “Prof. Wei Chen”");
  });

  it("clears optional fields left empty, and keeps the address when its field is emptied", async () => {
    const person = await addPerson({ name: "Li Na", email: "li@hkust.example", homeZone: "Asia/Hong_Kong", photoUrl: "https://photos.example/li.jpg" });
    await thrown(
      editPersonAction({
        request: post(`/admin/people/${person.id}`, { name: "Li Na", email: "", homeZone: "", photoUrl: "", slug: "" }),
        params: { personId: person.id },
        context: context(),
      }),
    );
    const [row] = await database.db.select().from(people).where(eq(people.id, person.id));
    expect(row).toMatchObject({ email: null, homeZone: null, photoUrl: null, slug: "li-na" });
  });

  it("answers 404 for an unknown or malformed person id", async () => {
    for (const personId of ["00000000-0000-4000-8000-000000000000", "not-a-uuid", "1; drop table people"]) {
      const page = await thrown(editPersonLoader({ request: get(`/admin/people/${personId}`), params: { personId }, context: context() }));
      expect(page.status).toBe(404);
      expect(await page.text()).toBe("No such person.");
      const save = await thrown(editPersonAction({ request: post(`/admin/people/${personId}`, { name: "X" }), params: { personId }, context: context() }));
      expect(save.status).toBe(404);
    }
  });
});

describe("series directory", () => {
  it("adds a series that gets its public page, refuses a taken address and edits it", async () => {
    const created = await thrown(
      newSeriesAction({ request: post("/admin/series/new", { title: "Cities × Health", description: "Talks on urban health." }), params: {}, context: context() }),
    );
    expect(created.status).toBe(302);
    expect(created.headers.get("Location")).toBe("/admin/series?notice=saved");
    const list = await seriesListLoader({ request: get("/admin/series?notice=saved"), params: {}, context: context() });
    expect(list.notice).toBe(true);
    const row = list.series.find((s) => s.title === "Cities × Health")!;
    expect(row).toMatchObject({ slug: "cities-health", eventCount: 0 });
    await createEvent(database.db, {
      title: "Healthy streets",
      seriesId: row.id,
      startsAt: new Date("2030-04-01T09:00:00Z"),
      endsAt: new Date("2030-04-01T10:00:00Z"),
    });
    const counted = await seriesListLoader({ request: get("/admin/series"), params: {}, context: context() });
    expect(counted.series.find((s) => s.id === row.id)?.eventCount).toBe(1);
    const page = await publicSeriesLoader({ request: requestFor("/series/cities-health"), params: { slug: "cities-health" }, context: context() });
    expect(JSON.stringify(page)).toContain("Talks on urban health.");

    const before = await countRows(series);
    const duplicate = await newSeriesAction({ request: post("/admin/series/new", { title: "Other", slug: "cities-health" }), params: {}, context: context() });
    expect(duplicate.init?.status).toBe(400);
    expect(duplicate.data.result.error?.slug).toEqual(["Another series already uses this address; choose another one or leave it empty"]);
    const untitled = await newSeriesAction({ request: post("/admin/series/new", { title: "", description: "x".repeat(5001) }), params: {}, context: context() });
    expect(untitled.init?.status).toBe(400);
    expect(untitled.data.result.error).toMatchObject({ title: ["Give the series a title"], description: ["Keep the description under 5000 characters"] });
    expect(await countRows(series)).toBe(before);

    const edit = await editSeriesLoader({ request: get(`/admin/series/${row.id}`), params: { seriesId: row.id }, context: context() });
    expect(edit.defaultValue).toEqual({ title: "Cities × Health", slug: "cities-health", description: "Talks on urban health." });
    const saved = await thrown(
      editSeriesAction({
        request: post(`/admin/series/${row.id}`, { title: "Cities and Health", slug: "cities-health", description: "Urban health, monthly." }),
        params: { seriesId: row.id },
        context: context(),
      }),
    );
    expect(saved.headers.get("Location")).toBe("/admin/series?notice=saved");
    const [stored] = await database.db.select().from(series).where(eq(series.id, row.id));
    expect(stored).toMatchObject({ title: "Cities and Health", description: "Urban health, monthly." });
    const audit = await database.db.select().from(auditLog).where(eq(auditLog.action, "series.updated"));
    expect(audit.map((a) => a.details)).toEqual([{ seriesId: row.id, fields: ["title", "description"] }]);

    const missing = await thrown(editSeriesLoader({ request: get("/admin/series/nope"), params: { seriesId: "nope" }, context: context() }));
    expect(missing.status).toBe(404);
  });
});

describe("organizations directory", () => {
  it("adds organizations with addresses from their short names and checks the website link", async () => {
    const first = await thrown(
      newOrganizationAction({
        request: post("/admin/organizations/new", { name: "The Hong Kong University of Science and Technology", shortName: "HKUST", websiteUrl: "https://hkust.edu.hk" }),
        params: {},
        context: context(),
      }),
    );
    expect(first.headers.get("Location")).toBe("/admin/organizations?notice=saved");
    await thrown(
      newOrganizationAction({ request: post("/admin/organizations/new", { name: "HKUST (Guangzhou)", shortName: "HKUST" }), params: {}, context: context() }),
    );
    const list = await organizationsLoader({ request: get("/admin/organizations"), params: {}, context: context() });
    expect(list.organizations.map((o) => [o.shortName, o.slug, o.websiteUrl])).toEqual([
      ["HKUST", "hkust-2", null],
      ["HKUST", "hkust", "https://hkust.edu.hk"],
    ]);

    const before = await countRows(organizations);
    const bad = await newOrganizationAction({
      request: post("/admin/organizations/new", { name: "Evil", shortName: "A very long short name that is far too long", websiteUrl: "javascript:alert(1)" }),
      params: {},
      context: context(),
    });
    expect(bad.init?.status).toBe(400);
    expect(bad.data.result.error).toMatchObject({
      shortName: ["Keep the short name under 40 characters"],
      websiteUrl: ["The website address must start with https:// or http://"],
    });
    const taken = await newOrganizationAction({ request: post("/admin/organizations/new", { name: "Other", shortName: "O", slug: "hkust" }), params: {}, context: context() });
    expect(taken.data.result.error?.slug).toEqual(["Another organization already uses this address; choose another one or leave it empty"]);
    expect(await countRows(organizations)).toBe(before);

    const hkust = list.organizations.find((o) => o.slug === "hkust")!;
    const [hkustRow] = await database.db.select().from(organizations).where(eq(organizations.id, hkust.id));
    await createEvent(database.db, {
      title: "HKUST open day",
      startsAt: new Date("2030-05-01T09:00:00Z"),
      endsAt: new Date("2030-05-01T10:00:00Z"),
      hosts: [{ organization: hkustRow! }],
    });
    const counted = await organizationsLoader({ request: get("/admin/organizations"), params: {}, context: context() });
    expect(counted.organizations.map((o) => [o.slug, o.eventCount])).toEqual([
      ["hkust-2", 0],
      ["hkust", 1],
    ]);
    const edit = await editOrganizationLoader({ request: get(`/admin/organizations/${hkust.id}`), params: { organizationId: hkust.id }, context: context() });
    expect(edit.defaultValue).toMatchObject({ shortName: "HKUST", slug: "hkust" });
    await thrown(
      editOrganizationAction({
        request: post(`/admin/organizations/${hkust.id}`, { name: "HKUST", shortName: "HKUST", websiteUrl: "https://www.hkust.edu.hk" }),
        params: { organizationId: hkust.id },
        context: context(),
      }),
    );
    const [stored] = await database.db.select().from(organizations).where(eq(organizations.id, hkust.id));
    expect(stored).toMatchObject({ name: "HKUST", slug: "hkust", websiteUrl: "https://www.hkust.edu.hk" });
    const audit = await database.db.select().from(auditLog).where(eq(auditLog.action, "organization.updated"));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ eventId: null, actorUserId: organizer.id, details: { organizationId: hkust.id, fields: ["name", "websiteUrl"] } });

    const missing = await thrown(
      editOrganizationAction({
        request: post("/admin/organizations/00000000-0000-4000-8000-000000000000", { name: "X", shortName: "X" }),
        params: { organizationId: "00000000-0000-4000-8000-000000000000" },
        context: context(),
      }),
    );
    expect(missing.status).toBe(404);
  });
});

describe("signed out", () => {
  it("sends every directory loader and action to the login page, and writes nothing", async () => {
    const counts = async () => [await countRows(people), await countRows(series), await countRows(organizations)];
    const before = await counts();
    const [someone] = await database.db.select().from(people).limit(1);
    const id = someone!.id;
    const fields = { name: "Intruder", title: "Intruder", shortName: "X" };
    const attempts: [string, (request: Request) => Promise<unknown>][] = [
      ["/admin/people", (request) => peopleLoader({ request, params: {}, context: context() })],
      ["/admin/people/new", (request) => newPersonLoader({ request, params: {}, context: context() })],
      ["/admin/people/new", (request) => newPersonAction({ request, params: {}, context: context() })],
      [`/admin/people/${id}`, (request) => editPersonLoader({ request, params: { personId: id }, context: context() })],
      [`/admin/people/${id}`, (request) => editPersonAction({ request, params: { personId: id }, context: context() })],
      ["/admin/series", (request) => seriesListLoader({ request, params: {}, context: context() })],
      ["/admin/series/new", (request) => newSeriesLoader({ request, params: {}, context: context() })],
      ["/admin/series/new", (request) => newSeriesAction({ request, params: {}, context: context() })],
      [`/admin/series/${id}`, (request) => editSeriesLoader({ request, params: { seriesId: id }, context: context() })],
      [`/admin/series/${id}`, (request) => editSeriesAction({ request, params: { seriesId: id }, context: context() })],
      ["/admin/organizations", (request) => organizationsLoader({ request, params: {}, context: context() })],
      ["/admin/organizations/new", (request) => newOrganizationLoader({ request, params: {}, context: context() })],
      ["/admin/organizations/new", (request) => newOrganizationAction({ request, params: {}, context: context() })],
      [`/admin/organizations/${id}`, (request) => editOrganizationLoader({ request, params: { organizationId: id }, context: context() })],
      [`/admin/organizations/${id}`, (request) => editOrganizationAction({ request, params: { organizationId: id }, context: context() })],
    ];
    for (const [path, call] of attempts) {
      for (const request of [post(path, fields, null), get(path, null), post(path, fields, "podium_session=forged-token-that-matches-nothing-0123456789ab")]) {
        const response = await thrown(call(request));
        expect(response.status, `${request.method} ${path}`).toBe(302);
        expect(response.headers.get("Location")).toMatch(/^\/login\?redirectTo=/);
      }
    }
    expect(await counts()).toEqual(before);
  });
});
