import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/session.server";
import { USER_ROLE_LABEL } from "~/auth/user-form";
import { listUsers } from "~/auth/users-admin.server";
import { ScrollRegion } from "~/components/scroll-region";
import { formatInstant } from "~/time";
import { viewerZoneFrom } from "~/viewer/viewer-zone.server";

export const meta: MetaFunction = () => [{ title: "Accounts — Podium" }, { name: "robots", content: "noindex" }];

const NOTICES: Record<string, string> = { created: "Account created.", saved: "Saved." };

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(context.db, request, { role: "admin" });
  const zone = viewerZoneFrom(request) ?? "UTC";
  const notice = NOTICES[new URL(request.url).searchParams.get("notice") ?? ""] ?? null;
  const accounts = await listUsers(context.db);
  return {
    notice,
    accounts: accounts.map((a) => ({
      id: a.id,
      name: a.name,
      email: a.email,
      role: USER_ROLE_LABEL[a.role],
      disabled: a.disabledAt !== null,
      created: formatInstant(a.createdAt, zone, "date"),
      eventCount: a.eventCount,
      isSelf: a.id === user.id,
    })),
  };
}

export default function Accounts() {
  const { notice, accounts } = useLoaderData<typeof loader>();
  return (
    <section aria-labelledby="accounts-title">
      <h1 id="accounts-title">Accounts</h1>
      <p>Who can sign in to the organizer console. Organizers manage the events they organize; administrators also manage every event and these accounts.</p>
      {notice ? (
        <p className="notice notice--success" role="status">
          {notice}
        </p>
      ) : null}
      <p>
        <Link to="/admin/users/new" className="button">
          Add an organizer
        </Link>
      </p>
      <ScrollRegion label="Accounts table">
        <table className="data-table">
          <caption className="visually-hidden">Accounts, by name</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Email</th>
              <th scope="col">Role</th>
              <th scope="col">Status</th>
              <th scope="col">Created</th>
              <th scope="col">Events</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {accounts.map((a) => (
              <tr key={a.id}>
                <td>
                  {a.name}
                  {a.isSelf ? <span className="field__optional"> (you)</span> : null}
                </td>
                <td>{a.email}</td>
                <td>{a.role}</td>
                <td>{a.disabled ? "Disabled" : "Active"}</td>
                <td>{a.created}</td>
                <td>{a.eventCount}</td>
                <td>
                  <Link to={`/admin/users/${a.id}`} aria-label={`Edit ${a.name}`}>
                    Edit
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </section>
  );
}
