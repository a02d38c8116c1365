import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { translatorFor } from "~/i18n/catalogues.server";
import type { DocumentHandle } from "~/root";
import { EventCard } from "~/components/event-card";
import { toEventCard } from "~/events/event-view.server";
import { listPublicEvents } from "~/events/public-events.server";
import { contentLanguage } from "~/i18n/content-locale.server";
import { viewerZoneFrom } from "~/viewer/viewer-zone.server";
import { readPublicData } from "~/server/public-data-cache.server";

export const handle: DocumentHandle = { languageAlternates: true };

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.meta.title ?? "Podium" },
  { name: "description", content: data?.meta.description ?? "" },
];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const now = new Date();
  const viewerZone = viewerZoneFrom(request);
  const language = contentLanguage(request);
  const t = translatorFor(language.page);
  const { upcoming, past } = await readPublicData(context.publicData, "home", () => listPublicEvents(context.db, { now }));
  return {
    meta: { title: t("home.metaTitle"), description: t("home.metaDescription") },
    upcoming: upcoming.map((e) => toEventCard(e, { viewerZone, now, language })),
    past: past.map((e) => toEventCard(e, { viewerZone, now, language })),
  };
}

export default function Index() {
  const { t } = useTranslation();
  const { upcoming, past } = useLoaderData<typeof loader>();
  return (
    <>
      <section className="hero" aria-labelledby="hero-title">
        <h1 id="hero-title">{t("home.title")}</h1>
        <p className="hero__lead">{t("home.lead")}</p>
      </section>
      <section aria-labelledby="upcoming-title" className="event-section">
        <h2 id="upcoming-title">{t("home.upcoming")}</h2>
        {upcoming.length === 0 ? (
          <p className="empty-state">{t("home.noUpcoming")}</p>
        ) : (
          <div className="event-list">
            {upcoming.map((event) => (
              <EventCard key={event.slug} event={event} />
            ))}
          </div>
        )}
      </section>
      <section aria-labelledby="past-title" className="event-section">
        <h2 id="past-title">{t("home.past")}</h2>
        {past.length === 0 ? (
          <p className="empty-state">{t("home.noPast")}</p>
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
