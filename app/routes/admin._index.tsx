import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/session.server";
import { listDeadMessages, outboxOverview, retryAllDeadMessages, retryDeadMessage } from "~/email/outbox-admin.server";
import { listManagedEvents } from "~/events/event-admin.server";
import { fillRate, percent } from "~/events/event-stats.server";
import { formatEventRange, formatInstant } from "~/time";
import { viewerZoneFrom } from "~/viewer/viewer-zone.server";
import { ScrollRegion } from "~/components/scroll-region";
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
  const zone = viewerZoneFrom(request) ?? "UTC";
  const [upcoming, past, outbox, dead] = await Promise.all([
    listManagedEvents(context.db, user, { when: "upcoming", now, limit: 50 }),
    listManagedEvents(context.db, user, { when: "past", now, limit: 10 }),
    outboxOverview(context.db, context.env, now),
    listDeadMessages(context.db, user),
  ]);
  const row = (e: (typeof upcoming)[number]) => ({
    id: e.id,
    title: e.title,
    status: e.status,
    when: formatEventRange({ startsAt: e.startsAt, endsAt: e.endsAt, zones: e.displayZones, locale }).text,
    confirmed: e.confirmed,
    waitlisted: e.waitlisted,
    pending: e.pending,
    capacity: e.capacity,
    fill: percent(fillRate(e.confirmed, e.capacity)),
    attendance: percent(e.confirmed ? e.attended / e.confirmed : null),
  });
  return {
    metaTitle: consoleTranslatorFor(locale)("dashboard.metaTitle"),
    name: user.name,
    upcoming: upcoming.map(row),
    past: past.map(row),
    outbox: {
      ...outbox,
      rate: outbox.rate && {
        ...outbox.rate,
        pausedUntil: outbox.rate.pausedUntil ? formatInstant(outbox.rate.pausedUntil, zone, "time", locale) : null,
      },
    },
    dead: dead.map((m) => ({ ...m, createdAt: formatInstant(m.createdAt, zone, "dateTime", locale) })),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(context.db, request);
  const t = consoleTranslatorFor(requestLocale(request));
  const form = await request.formData();
  if (form.get("intent") === "retry-all") {
    const count = await retryAllDeadMessages(context.db, user);
    return count > 0
      ? data({ ok: true, message: t("outbox.retriedAll", { count }) })
      : data({ ok: false, message: t("outbox.nothingToRetry") }, { status: 404 });
  }
  if (form.get("intent") !== "retry") return data({ ok: false, message: t("outbox.unknownAction") }, { status: 400 });
  const retried = await retryDeadMessage(context.db, user, String(form.get("id") ?? ""));
  return retried
    ? data({ ok: true, message: t("outbox.retried") })
    : data({ ok: false, message: t("outbox.notRetried") }, { status: 404 });
}

export default function AdminHome() {
  const { name, upcoming, past, outbox, dead } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation(CONSOLE_NAMESPACE);
  return (
    <section aria-labelledby="console-title">
      <h1 id="console-title">{t("dashboard.title")}</h1>
      <p>{t("dashboard.welcome", { name })}</p>
      <p>
        <Link to="/admin/events/new" className="button">
          {t("dashboard.newEvent")}
        </Link>
      </p>
      <ActionNotice result={actionData} />
      <h2>{t("dashboard.upcoming")}</h2>
      {upcoming.length ? <EventTable rows={upcoming} caption={t("dashboard.upcomingCaption")} measure="fill" /> : <p>{t("dashboard.noUpcoming")}</p>}
      <h2>{t("dashboard.past")}</h2>
      {past.length ? <EventTable rows={past} caption={t("dashboard.pastCaption")} measure="attendance" /> : <p>{t("dashboard.noPast")}</p>}

      <h2>{t("outbox.title")}</h2>
      <ul className="count-list" aria-label={t("outbox.byState")}>
        <li>{t("outbox.queued", { n: outbox.queued })}</li>
        <li>{t("outbox.sending", { n: outbox.sending })}</li>
        <li>{t("outbox.waitingForRateLimit", { n: outbox.waitingForRateLimit })}</li>
        <li>{t("outbox.waitingAfterError", { n: outbox.waitingAfterError })}</li>
        <li>{t("outbox.dead", { n: outbox.dead })}</li>
        <li>{t("outbox.dropped", { n: outbox.dropped })}</li>
        <li>{t("outbox.sent", { n: outbox.sent })}</li>
      </ul>
      <p>
        {t("outbox.sentLastMinute", { n: outbox.sentLastMinute })}{" "}
        {outbox.rate
          ? outbox.rate.pausedUntil
            ? t("outbox.ratePaused", { current: outbox.rate.current, configured: outbox.rate.configured, until: outbox.rate.pausedUntil })
            : t("outbox.rate", { current: outbox.rate.current, configured: outbox.rate.configured })
          : t("outbox.builtIn")}
      </p>
      {dead.length ? (
        <ScrollRegion label={t("outbox.deadTable")}>
          <table className="data-table">
            <caption>{t("outbox.deadCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("outbox.columns.to")}</th>
                <th scope="col">{t("outbox.columns.message")}</th>
                <th scope="col">{t("outbox.columns.attempts")}</th>
                <th scope="col">{t("outbox.columns.answer")}</th>
                <th scope="col">{t("outbox.columns.action")}</th>
              </tr>
            </thead>
            <tbody>
              {dead.map((m) => (
                <tr key={m.id}>
                  <td>{m.toEmail}</td>
                  <td>
                    {t(`outbox.template.${m.template}`, { defaultValue: m.template })} ({m.createdAt})
                  </td>
                  <td>{m.attempts}</td>
                  <td>{m.lastError}</td>
                  <td>
                    <Form method="post">
                      <input type="hidden" name="id" value={m.id} />
                      <button type="submit" name="intent" value="retry" className="button button--secondary">
                        {t("outbox.retry")}
                      </button>
                    </Form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      ) : null}
      {outbox.dead > 0 ? (
        <Form method="post">
          <button type="submit" name="intent" value="retry-all" className="button button--secondary">
            {t("outbox.retryAll")}
          </button>
        </Form>
      ) : null}
      <p>
        <Link to="/admin/mailbox">{t("outbox.openMailbox")}</Link>
      </p>
    </section>
  );
}

function EventTable({
  rows,
  caption,
  measure,
}: {
  rows: { id: string; title: string; status: string; when: string; confirmed: number; waitlisted: number; pending: number; capacity: number | null; fill: string; attendance: string }[];
  caption: string;
  measure: "fill" | "attendance";
}) {
  const { t } = useTranslation(CONSOLE_NAMESPACE);
  return (
    <ScrollRegion label={caption}>
      <table className="data-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("dashboard.columns.event")}</th>
            <th scope="col">{t("dashboard.columns.when")}</th>
            <th scope="col">{t("dashboard.columns.registered")}</th>
            <th scope="col">{measure === "fill" ? t("dashboard.columns.fill") : t("dashboard.columns.attendance")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((e) => (
            <tr key={e.id}>
              <td>
                <Link to={`/admin/events/${e.id}`}>{e.title}</Link> <span className="field__optional">({t(`events.status.${e.status}`)})</span>
              </td>
              <td>{e.when}</td>
              <td>
                {e.confirmed}
                {e.capacity ? ` / ${e.capacity}` : ""}
                {e.waitlisted ? t("dashboard.waiting", { count: e.waitlisted }) : ""}
                {e.pending ? t("dashboard.pending", { count: e.pending }) : ""}
              </td>
              <td>{measure === "fill" ? e.fill : e.attendance}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
