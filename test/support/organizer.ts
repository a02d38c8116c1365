// A signed-in organizer for tests that call /admin loaders and actions directly.
import type { Database } from "~db/client.server";
import type { User, UserRole } from "~db/schema";
import { createSession } from "~/auth/session.server";
import { createUser } from "~/auth/users.server";

export async function signedInOrganizer(
  db: Database,
  { email = "chair@kth.se", name = "Chair", role = "organizer" }: { email?: string; name?: string; role?: UserRole } = {},
): Promise<{ user: User; cookie: string }> {
  const user = await createUser(db, { email, name, password: "correct horse battery", role });
  const cookie = (await createSession(db, { user, request: new Request("http://podium.test/login") })).split(";")[0]!;
  return { user, cookie };
}

/** A same-origin form POST carrying the organizer's session, as the browser sends it. */
export function organizerPost(path: string, cookie: string, fields: Record<string, string> | [string, string][]): Request {
  const body = new URLSearchParams(fields);
  return new Request(`http://podium.test${path}`, {
    method: "POST",
    body,
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: "http://podium.test", Cookie: cookie },
  });
}
