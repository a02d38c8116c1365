import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { EventCard } from "~/components/event-card";
import { toEventCard } from "~/events/event-view.server";
import { listPublicEvents } from "~/events/public-events.server";
import { viewerZoneFrom } from "~/viewer/viewer-zone.server";

export const meta: MetaFunction = () => [
  { title: "Podium — upcoming webinars" },
  { name: "description", content: "Joint webinars and panels from universities and research alliances." },
];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const now = new Date();
  const viewerZone = viewerZoneFrom(request);
  const { upcoming, past } = await listPublicEvents(context.db, { now });
  return {
    upcoming: upcoming.map((e) => toEventCard(e, { viewerZone, now })),
    past: past.map((e) => toEventCard(e, { viewerZone, now })),
  };
}

export default function Index() {
  const { upcoming, past } = useLoaderData<typeof loader>();
  return (
    <>
      <section className="hero" aria-labelledby="hero-title">
        <h1 id="hero-title">Webinars from universities and research alliances</h1>
        <p className="hero__lead">
          Joint panels and talks, shown in the organizers&apos; time zones and in yours. Register in seconds, add them to
          your calendar, and catch up on recordings.
        </p>
      </section>
      <section aria-labelledby="upcoming-title" className="event-section">
        <h2 id="upcoming-title">Upcoming events</h2>
        {upcoming.length === 0 ? (
          <p className="empty-state">No events are scheduled right now. Check back soon, or subscribe to the calendar.</p>
        ) : (
          <div className="event-list">
            {upcoming.map((event) => (
              <EventCard key={event.slug} event={event} />
            ))}
          </div>
        )}
      </section>
      <section aria-labelledby="past-title" className="event-section">
        <h2 id="past-title">Past events</h2>
        {past.length === 0 ? (
          <p className="empty-state">No past events yet.</p>
        ) : (
          <div className="event-list">
            {past.map((event) => (
              <EventCard key={event.slug} event={event} />
            ))}
          </div>
        )}
      </section>
    </>
  );
}
