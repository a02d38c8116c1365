import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { feedSubscriptionLinks } from "~/calendar";
import { FeedSubscribe } from "~/components/feed-subscribe";
import { listPublicSeries } from "~/events/public-events.server";
import { contentLanguage, feedUrlIn } from "~/i18n/content-locale.server";
import { pickFields, sourceLocaleOf } from "~/i18n/localize-content";
import { useTranslation } from "~/i18n/use-translation";
import { translatorFor } from "~/i18n/catalogues.server";
import { requestLocale } from "~/i18n/request-locale.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.meta.title ?? "Podium" },
  { name: "description", content: data?.meta.description ?? "" },
];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const t = translatorFor(requestLocale(request));
  const series = await listPublicSeries(context.db);
  const language = contentLanguage(request);
  return {
    meta: { title: t("subscribe.metaTitle"), description: t("subscribe.metaDescription") },
    everything: feedSubscriptionLinks({ feedUrl: feedUrlIn(`${context.origin}/calendar.ics`, language.reader), name: "Podium events" }),
    series: series.map((s) => {
      const text = pickFields(s, ["title"], sourceLocaleOf(s), language);
      return {
        slug: s.slug,
        ...text,
        links: feedSubscriptionLinks({ feedUrl: feedUrlIn(`${context.origin}/series/${s.slug}.ics`, language.reader), name: text.title }),
      };
    }),
  };
}

export default function SubscribePage() {
  const { t } = useTranslation();
  const { everything, series } = useLoaderData<typeof loader>();
  return (
    <>
      <header className="page-header">
        <h1>{t("subscribe.title")}</h1>
        <p className="page-header__lead">{t("subscribe.lead")}</p>
      </header>
      <section className="panel feed-panel" aria-labelledby="feed-all">
        <h2 className="panel__title" id="feed-all">
          {t("subscribe.everyEvent")}
        </h2>
        <FeedSubscribe links={everything} name={t("subscribe.everyEventName")} />
      </section>
      {series.map((s) => (
        <section key={s.slug} className="panel feed-panel" aria-labelledby={`feed-${s.slug}`}>
          <h2 className="panel__title" id={`feed-${s.slug}`}>
            <Link to={`/series/${s.slug}`} lang={s.lang.title}>
              {s.title}
            </Link>
          </h2>
          <FeedSubscribe links={s.links} name={s.title} />
        </section>
      ))}
    </>
  );
}
