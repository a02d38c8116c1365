import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { PhaseBadge } from "~/components/phase-badge";
import { findSpeaker } from "~/events/public-events.server";
import { toSpeakerPage } from "~/events/speaker-view.server";
import { viewerZoneFrom } from "~/viewer/viewer-zone.server";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const speaker = await findSpeaker(context.db, params.slug ?? "");
  if (!speaker) throw new Response("No such speaker", { status: 404 });
  return toSpeakerPage(speaker, { viewerZone: viewerZoneFrom(request), now: new Date() });
}

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  data
    ? [
        { title: `${data.person.displayName} — Podium` },
        { name: "description", content: [data.person.position, data.person.affiliation].filter(Boolean).join(", ") },
      ]
    : [{ title: "Speaker not found — Podium" }];

export default function SpeakerPage() {
  const { person, sessions } = useLoaderData<typeof loader>();
  return (
    <>
      <header className="page-header speaker-header">
        {person.photoUrl ? <img className="speaker-header__photo" src={person.photoUrl} alt="" width={96} height={96} /> : null}
        <div>
          <p className="page-header__kicker">Speaker</p>
          <h1>{person.displayName}</h1>
          <p className="page-header__lead">{[person.position, person.affiliation].filter(Boolean).join(", ")}</p>
        </div>
      </header>
      {person.bio ? (
        <section aria-labelledby="bio-title" className="prose-section">
          <h2 id="bio-title">Biography</h2>
          <p className="speaker-bio">{person.bio}</p>
        </section>
      ) : null}
      <section aria-labelledby="sessions-title" className="event-section">
        <h2 id="sessions-title">Sessions</h2>
        {sessions.length === 0 ? (
          <p className="empty-state">No public sessions yet.</p>
        ) : (
          <ul className="session-list">
            {sessions.map((s) => (
              <li key={s.id} className="session">
                <p className="session__kicker">
                  <span className="role-tag">{s.roleLabel}</span> {s.kindLabel}
                  {s.phase !== "upcoming" ? <PhaseBadge phase={s.phase} label={s.phaseLabel} /> : null}
                </p>
                <h3 className="session__title">{s.title}</h3>
                <p className="session__event">
                  at <Link to={`/events/${s.event.slug}`}>{s.event.title}</Link>
                </p>
                <p className="session__when">{s.when}</p>
                {s.viewer ? (
                  <p className="session__viewer">
                    <span className="event-times__viewer-label">Your time</span> {s.viewer.text}
                  </p>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
