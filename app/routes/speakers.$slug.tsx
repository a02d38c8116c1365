import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { PhaseBadge } from "~/components/phase-badge";
import { findSpeaker } from "~/events/public-events.server";
import { toSpeakerPage } from "~/events/speaker-view.server";
import { contentLanguage } from "~/i18n/content-locale.server";
import { viewerZoneFrom } from "~/viewer/viewer-zone.server";
import { useTranslation } from "~/i18n/use-translation";
import { translatorFor } from "~/i18n/catalogues.server";
import { requestLocale } from "~/i18n/request-locale.server";
import type { DocumentHandle } from "~/root";
import { readPublicData } from "~/server/public-data-cache.server";

export const handle: DocumentHandle = { languageAlternates: true };

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const locale = requestLocale(request);
  const slug = params.slug ?? "";
  const speaker = await readPublicData(context.publicData, `speaker ${slug}`, () => findSpeaker(context.db, slug));
  if (!speaker) throw new Response(translatorFor(locale)("speaker.notFound"), { status: 404 });
  return toSpeakerPage(speaker, { viewerZone: viewerZoneFrom(request), now: new Date(), language: contentLanguage(request) });
}

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  data
    ? [
        { title: `${data.person.displayName} — Podium` },
        { name: "description", content: [data.person.position, data.person.affiliation].filter(Boolean).join(", ") },
      ]
    : [{ title: "Podium" }];

export default function SpeakerPage() {
  const { t } = useTranslation();
  const { person, sessions } = useLoaderData<typeof loader>();
  return (
    <>
      <header className="page-header speaker-header">
        {person.photoUrl ? <img className="speaker-header__photo" src={person.photoUrl} alt="" width={96} height={96} /> : null}
        <div>
          <p className="page-header__kicker">{t("speaker.kicker")}</p>
          <h1>{person.displayName}</h1>
          <p className="page-header__lead">
            {person.position ? <span lang={person.lang.position}>{person.position}</span> : null}
            {person.position && person.affiliation ? ", " : null}
            {person.affiliation}
          </p>
        </div>
      </header>
      {person.bio ? (
        <section aria-labelledby="bio-title" className="prose-section">
          <h2 id="bio-title">{t("speaker.biography")}</h2>
          <p className="speaker-bio" lang={person.lang.bio}>
            {person.bio}
          </p>
        </section>
      ) : null}
      <section aria-labelledby="sessions-title" className="event-section">
        <h2 id="sessions-title">{t("speaker.sessions")}</h2>
        {sessions.length === 0 ? (
          <p className="empty-state">{t("speaker.noSessions")}</p>
        ) : (
          <ul className="session-list">
            {sessions.map((s) => (
              <li key={s.id} className="session">
                <p className="session__kicker">
                  <span className="role-tag">{s.roleLabel}</span> {s.kindLabel}
                  {s.phase !== "upcoming" ? <PhaseBadge phase={s.phase} label={s.phaseLabel} /> : null}
                </p>
                <h3 className="session__title" lang={s.lang.title}>
                  {s.title}
                </h3>
                <p className="session__event">
                  {t("speaker.at")}{" "}
                  <Link to={`/events/${s.event.slug}`} lang={s.event.lang.title}>
                    {s.event.title}
                  </Link>
                </p>
                <p className="session__when">{s.when}</p>
                {s.viewer ? (
                  <p className="session__viewer">
                    <span className="event-times__viewer-label">{t("times.yourTime")}</span> {s.viewer.text}
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
