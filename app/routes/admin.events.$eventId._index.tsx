import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireEventAccess } from "~/auth/event-access.server";
import { BarChartTable } from "~/components/bar-chart";
import { handleEventOverviewAction, loadEventOverview } from "~/events/event-overview.server";
import { ActionNotice } from "~/components/action-notice";
import { TranslationGaps } from "~/components/translation-gaps";
import { translationGaps } from "~/content/translations-admin.server";
import { Trans } from "react-i18next";
import { useTranslation } from "~/i18n/use-translation";
import { consoleTranslatorFor } from "~/i18n/console-catalogues.server";
import { requestLocale } from "~/i18n/request-locale.server";
import { CONSOLE_NAMESPACE } from "~/i18n/translator";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { event } = await requireEventAccess(context.db, request, params.eventId);
  const locale = requestLocale(request);
  const [overview, translations] = await Promise.all([
    loadEventOverview(context.db, event, new Date(), new URL(request.url).searchParams, locale),
    translationGaps(context.db, { kind: "event", eventId: event.id }, consoleTranslatorFor(locale)),
  ]);
  return { ...overview, translations };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, event } = await requireEventAccess(context.db, request, params.eventId);
  return handleEventOverviewAction(context.db, request, { user, event, links: context.links, t: consoleTranslatorFor(requestLocale(request)) });
}

export default function EventOverview() {
  const { event, counts, fill, attendance, perDay, organizers, notice, outside, registeredEver, translations } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation(CONSOLE_NAMESPACE);
  return (
    <section aria-labelledby="overview-title">
      <h2 id="overview-title">{t("eventOverview.title")}</h2>
      <ActionNotice result={actionData ?? (notice ? { ok: true, message: notice } : null)} />
      <p>{event.when}</p>
      {outside.length > 0 ? (
        <div className="notice notice--warning" role="status">
          <p>
            <Trans t={t} i18nKey="eventOverview.outside" count={outside.length} components={{ agenda: <Link to="agenda" /> }} />
          </p>
          <ul>
            {outside.map((segment) => (
              <li key={segment.title}>
                {t("eventOverview.outsideSegment", { title: segment.title, problems: segment.problems.map((p) => t(`agenda.problem.${p}`)).join(t("eventOverview.problemSeparator")).toLowerCase() })}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {event.status === "published" ? (
        <p>
          {t("eventOverview.publicPage")} <Link to={`/events/${event.slug}`}>/events/{event.slug}</Link>
        </p>
      ) : null}
      {translations ? <TranslationGaps sourceLocale={translations.sourceLocale} gaps={translations.gaps} editPath="translations" /> : null}
      {!event.hasJoinUrl && event.status !== "cancelled" ? <p className="notice notice--warning">{t("eventOverview.noJoinUrl")}</p> : null}

      <ul className="count-list" aria-label={t("registrationStatus.byStatus")}>
        <li>
          {event.capacity
            ? t("registrationStatus.confirmedOf", { n: counts.confirmed, capacity: event.capacity, fill })
            : t("registrationStatus.count", { status: t("registrationStatus.confirmed"), n: counts.confirmed })}
        </li>
        {(["waitlisted", "pending", "cancelled", "attended"] as const).map((s) => (
          <li key={s}>{t("registrationStatus.count", { status: t(`registrationStatus.${s}`), n: counts[s] })}</li>
        ))}
        {attendance !== null ? <li>{t("eventOverview.attendanceRate", { rate: attendance })}</li> : null}
      </ul>

      {event.status === "draft" ? (
        <Form method="post" className="panel">
          <h3>{t("eventOverview.publish.heading")}</h3>
          <p>{t("eventOverview.publish.text")}</p>
          <button type="submit" name="intent" value="publish" className="button">
            {t("eventOverview.publish.button")}
          </button>
        </Form>
      ) : null}

      {event.status === "published" && !registeredEver ? (
        <Form method="post" className="panel">
          <h3>{t("eventOverview.unpublish.heading")}</h3>
          <p>{t("eventOverview.unpublish.text")}</p>
          <button type="submit" name="intent" value="unpublish" className="button button--secondary">
            {t("eventOverview.unpublish.button")}
          </button>
        </Form>
      ) : null}

      <div className="panel">
        <h3>{t("eventOverview.duplicate.heading")}</h3>
        <p>{t("eventOverview.duplicate.text")}</p>
        <Link to={`/admin/events/${event.id}/duplicate`} className="button button--secondary">
          {t("eventOverview.duplicate.button")}
        </Link>
      </div>

      <h3>{t("eventOverview.chart.heading")}</h3>
      {perDay.length ? (
        <BarChartTable
          caption={t("eventOverview.chart.caption")}
          labelHeading={t("eventOverview.chart.day")}
          valueHeading={t("eventOverview.chart.registrations")}
          barHeading={t("eventOverview.chart.bar")}
          rows={perDay.map((d) => ({ label: d.day, value: d.count }))}
        />
      ) : (
        <p>{t("eventOverview.chart.none")}</p>
      )}

      <h3>{t("eventOverview.organizers.heading")}</h3>
      {organizers.length ? (
        <ul>
          {organizers.map((o) => (
            <li key={o.id}>
              {o.name} ({o.email})
            </li>
          ))}
        </ul>
      ) : (
        <p>{t("eventOverview.organizers.none")}</p>
      )}
      <Form method="post" className="toolbar">
        <input type="hidden" name="intent" value="share" />
        <div className="field">
          <label htmlFor="share-email">{t("eventOverview.organizers.shareLabel")}</label>
          <input id="share-email" name="email" type="email" required autoComplete="off" />
        </div>
        <button type="submit" className="button button--secondary">
          {t("eventOverview.organizers.share")}
        </button>
      </Form>

      {event.status === "draft" && !registeredEver ? (
        <Form method="post" className="panel">
          <h3>{t("eventOverview.delete.heading")}</h3>
          <p>{t("eventOverview.delete.text")}</p>
          <div className="field field--checkbox">
            <input type="checkbox" id="confirm-delete" name="confirm" value="yes" required />
            <label htmlFor="confirm-delete">{t("eventOverview.delete.confirm")}</label>
          </div>
          <button type="submit" name="intent" value="delete" className="button button--danger">
            {t("eventOverview.delete.button")}
          </button>
        </Form>
      ) : null}

      {event.status !== "cancelled" ? (
        <Form method="post" className="panel">
          <h3>{t("eventOverview.cancel.heading")}</h3>
          <p>{t("eventOverview.cancel.text")}</p>
          <div className="field field--checkbox">
            <input type="checkbox" id="confirm-cancel" name="confirm" value="yes" required />
            <label htmlFor="confirm-cancel">{t("eventOverview.cancel.confirm")}</label>
          </div>
          <button type="submit" name="intent" value="cancel" className="button button--danger">
            {t("eventOverview.cancel.button")}
          </button>
        </Form>
      ) : null}
    </section>
  );
}
