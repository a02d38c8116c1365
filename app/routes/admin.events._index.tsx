import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/session.server";
import { listManagedEvents } from "~/events/event-admin.server";
import { formatEventRange } from "~/time";
import { ActionNotice } from "~/components/action-notice";
import { useTranslation } from "~/i18n/use-translation";
import { consoleTranslatorFor } from "~/i18n/console-catalogues.server";
import { requestLocale } from "~/i18n/request-locale.server";
import { CONSOLE_NAMESPACE } from "~/i18n/translator";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.metaTitle ?? "Podium" }, { name: "robots", content: "noindex" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(context.db, request);
  const locale = requestLocale(request);
  const now = new Date();
  const [upcoming, past] = await Promise.all([
    listManagedEvents(context.db, user, { when: "upcoming", now, limit: 500 }),
    listManagedEvents(context.db, user, { when: "past", now, limit: 500 }),
  ]);
  const row = (e: (typeof upcoming)[number]) => ({
    id: e.id,
    title: e.title,
    status: e.status,
    when: formatEventRange({ startsAt: e.startsAt, endsAt: e.endsAt, zones: e.displayZones, locale }).text,
    confirmed: e.confirmed,
  });
  const url = new URL(request.url);
  const deleted = url.searchParams.get("notice") === "deleted" ? (url.searchParams.get("title") ?? "").slice(0, 200) : null;
  return { upcoming: upcoming.map(row), past: past.map(row), deleted, metaTitle: consoleTranslatorFor(locale)("events.metaTitle") };
}

export default function EventsList() {
  const { upcoming, past, deleted } = useLoaderData<typeof loader>();
  const { t } = useTranslation(CONSOLE_NAMESPACE);
  return (
    <section aria-labelledby="events-title">
      <h1 id="events-title">{t("events.title")}</h1>
      {deleted !== null ? <ActionNotice result={{ ok: true, message: deleted ? t("events.deleted", { title: deleted }) : t("events.deletedUntitled") }} /> : null}
      <p>
        <Link to="/admin/events/new" className="button">
          {t("events.new")}
        </Link>
      </p>
      {[
        { heading: t("events.upcoming"), rows: upcoming },
        { heading: t("events.past"), rows: past },
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
                    {e.when} · {t(`events.status.${e.status}`)} · {t("events.confirmed", { count: e.confirmed })}
                  </span>
                </li>
              ))}
            </ul>
          ) : (
            <p>{t("events.none")}</p>
          )}
        </div>
      ))}
    </section>
  );
}
