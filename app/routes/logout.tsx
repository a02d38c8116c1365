import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { clearSessionCookie, getCurrentUser, revokeAllSessions, revokeCurrentSession } from "~/auth/session.server";

export async function loader() {
  throw redirect("/");
}

// POST only: a link or image cannot sign anyone out.
export async function action({ request, context }: ActionFunctionArgs) {
  const everywhere = (await request.formData()).get("intent") === "everywhere";
  const user = await getCurrentUser(context.db, request);
  if (user && everywhere) await revokeAllSessions(context.db, user.id);
  else await revokeCurrentSession(context.db, request);
  throw redirect("/", { headers: { "Set-Cookie": clearSessionCookie(request) } });
}
