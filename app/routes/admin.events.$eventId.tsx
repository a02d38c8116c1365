import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { NavLink, Outlet, useLoaderData } from "@remix-run/react";
import { requireEventAccess } from "~/auth/event-access.server";
import { StatusBadge } from "~/components/phase-badge";

// The frame of one event's console pages. Each child route checks access again:
// a layout loader does not guard a child's action.
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { event } = await requireEventAccess(context.db, request, params.eventId);
  return { event: { id: event.id, title: event.title, slug: event.slug, status: event.status } };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.event.title} — Podium console` : "Event — Podium console" },
  { name: "robots", content: "noindex" },
];

const TABS = [
  { to: ".", label: "Overview", end: true },
  { to: "edit", label: "Details" },
  { to: "agenda", label: "Agenda" },
  { to: "questions", label: "Questions" },
  { to: "translations", label: "Translations" },
  { to: "registrations", label: "Registrations" },
  { to: "messages", label: "Email registrants" },
  { to: "recordings", label: "Recordings" },
  { to: "audit", label: "Audit log" },
];

export default function EventConsoleLayout() {
  const { event } = useLoaderData<typeof loader>();
  return (
    <div>
      <p className="event-page__series">
        <StatusBadge status={event.status} />
      </p>
      <h1>{event.title}</h1>
      <nav aria-label="Event sections">
        <ul className="admin-tabs">
          {TABS.map((tab) => (
            <li key={tab.to}>
              <NavLink to={tab.to === "." ? `/admin/events/${event.id}` : `/admin/events/${event.id}/${tab.to}`} end={tab.end}>
                {tab.label}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <Outlet />
    </div>
  );
}
