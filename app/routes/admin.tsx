import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, Outlet, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/session.server";

// The organizer console's frame: every child route also checks on its own,
// because a layout loader does not guard an action.
export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(context.db, request);
  return { user: { name: user.name, role: user.role } };
}

export function headers() {
  return { "Cache-Control": "private, no-store" };
}

export default function AdminLayout() {
  const { user } = useLoaderData<typeof loader>();
  return (
    <div className="admin">
      <nav className="admin-nav" aria-label="Organizer console">
        <ul>
          <li>
            <Link to="/admin">Console</Link>
          </li>
          <li>
            <Link to="/admin/events">Events</Link>
          </li>
          <li>
            <Link to="/admin/people">People</Link>
          </li>
          <li>
            <Link to="/admin/series">Series</Link>
          </li>
          <li>
            <Link to="/admin/organizations">Organizations</Link>
          </li>
          <li>
            <Link to="/admin/mailbox">Mailbox</Link>
          </li>
          <li>
            <Link to="/admin/api-tokens">API tokens</Link>
          </li>
          <li>
            <Link to="/admin/webhooks">Webhooks</Link>
          </li>
          {user.role === "admin" ? (
            <>
              <li>
                <Link to="/admin/users">Accounts</Link>
              </li>
              <li>
                <Link to="/admin/audit">Audit log</Link>
              </li>
            </>
          ) : null}
        </ul>
        <div className="admin-nav__user">
          <span>
            Signed in as {user.name} ({user.role})
          </span>
          <Form method="post" action="/logout" className="inline-form">
            <button type="submit" className="button button--secondary">
              Sign out
            </button>
            <button type="submit" name="intent" value="everywhere" className="button button--secondary">
              Sign out everywhere
            </button>
          </Form>
        </div>
      </nav>
      <Outlet />
    </div>
  );
}
