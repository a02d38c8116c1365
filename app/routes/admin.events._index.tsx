import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/session.server";
import { listManagedEvents } from "~/events/event-admin.server";
import { formatEventRange } from "~/time";
import { ActionNotice } from "~/components/action-notice";

export const meta: MetaFunction = () => [{ title: "Events — Podium console" }, { name: "robots", content: "noindex" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(context.db, request);
  const now = new Date();
  const [upcoming, past] = await Promise.all([
    listManagedEvents(context.db, user, { when: "upcoming", now, limit: 500 }),
    listManagedEvents(context.db, user, { when: "past", now, limit: 500 }),
  ]);
  const row = (e: (typeof upcoming)[number]) => ({
    id: e.id,
    title: e.title,
    status: e.status,
    when: formatEventRange({ startsAt: e.startsAt, endsAt: e.endsAt, zones: e.displayZones }).text,
    confirmed: e.confirmed,
  });
  const url = new URL(request.url);
  const deleted = url.searchParams.get("notice") === "deleted" ? (url.searchParams.get("title") ?? "").slice(0, 200) : null;
  return { upcoming: upcoming.map(row), past: past.map(row), deleted };
}

export default function EventsList() {
  const { upcoming, past, deleted } = useLoaderData<typeof loader>();
  return (
    <section aria-labelledby="events-title">
      <h1 id="events-title">Your events</h1>
      {deleted !== null ? <ActionNotice result={{ ok: true, message: deleted ? `Deleted the draft “${deleted}”.` : "Deleted the draft." }} /> : null}
      <p>
        <Link to="/admin/events/new" className="button">
          New event
        </Link>
      </p>
      {[
        { heading: "Upcoming", rows: upcoming },
        { heading: "Past", rows: past },
      ].map(({ heading, rows }) => (
        <div key={heading}>
          <h2>{heading}</h2>
          {rows.length ? (
            <ul className="mailbox-list">
              {rows.map((e) => (
                <li key={e.id}>
                  <Link to={`/admin/events/${e.id}`} className="mailbox-list__subject">
                    {e.title}
                  </Link>
                  <span className="mailbox-list__meta">
                    {e.when} · {e.status} · {e.confirmed} confirmed
                  </span>
                </li>
              ))}
            </ul>
          ) : (
            <p>None.</p>
          )}
        </div>
      ))}
    </section>
  );
}
