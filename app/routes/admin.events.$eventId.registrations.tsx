import { ConfirmPanel } from "~/components/confirm-panel";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useEffect, useState } from "react";
import { requireEventAccess } from "~/auth/event-access.server";
import { PlainField } from "~/components/form-fields";
import { registrationCounts } from "~/events/event-stats.server";
import { handleRegistrationsAction } from "~/registrations/registrations-admin-action.server";
import { listEventRegistrations } from "~/registrations/registrations-admin.server";
import { STATUS_FILTERS, parseStatusFilter } from "~/registrations/registration-status";
import { useTranslation } from "~/i18n/use-translation";
import { requestLocale } from "~/i18n/request-locale.server";
import { CONSOLE_NAMESPACE } from "~/i18n/translator";
import { listTimeZones } from "~/time/zone-catalog.server";
import { ScrollRegion } from "~/components/scroll-region";
import { ActionNotice } from "~/components/action-notice";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { event } = await requireEventAccess(context.db, request, params.eventId);
  const url = new URL(request.url);
  const query = (url.searchParams.get("q") ?? "").slice(0, 100);
  const status = parseStatusFilter(url.searchParams.get("status"));
  const [counts, rows] = await Promise.all([registrationCounts(context.db, event.id), listEventRegistrations(context.db, event, { query, status, locale: requestLocale(request) })]);
  return { event: { id: event.id, homeZone: event.homeZone, capacity: event.capacity }, counts, rows, query, status, zones: listTimeZones() };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, event } = await requireEventAccess(context.db, request, params.eventId);
  return handleRegistrationsAction(context.db, request, { user, event, links: context.links });
}

export default function Registrations() {
  const { event, counts, rows, query, status, zones } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const pendingShown = rows.filter((r) => r.status === "pending").length;
  const addValues = actionData?.values ?? {};
  // The header's "select all" box needs JavaScript to tick the rows; without it the "…all" buttons do the same job.
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  const { t } = useTranslation(CONSOLE_NAMESPACE);
  const toggleAll = (checked: boolean) => {
    document.querySelectorAll<HTMLInputElement>('input[form="bulk-form"][name="ids"]').forEach((box) => {
      box.checked = checked;
    });
  };
  return (
    <section aria-labelledby="registrations-title">
      <h2 id="registrations-title">{t("registrations.title")}</h2>
      <ActionNotice result={actionData} />
      {actionData?.confirmCancel ? (
        <ConfirmPanel fields={{ registrationId: actionData.confirmCancel.id }} intent="cancel" confirmLabel={t("registrations.confirmCancel.button")}>
          {t("registrations.confirmCancel.question", { name: actionData.confirmCancel.name })}
        </ConfirmPanel>
      ) : null}

      <ul className="count-list" aria-label={t("registrationStatus.byStatus")}>
        <li>
          {event.capacity
            ? t("registrationStatus.confirmedOfCapacity", { n: counts.confirmed, capacity: event.capacity })
            : t("registrationStatus.count", { status: t("registrationStatus.confirmed"), n: counts.confirmed })}
        </li>
        {(["waitlisted", "pending", "declined", "cancelled", "attended"] as const).map((s) => (
          <li key={s}>{t("registrationStatus.count", { status: t(`registrationStatus.${s}`), n: counts[s] })}</li>
        ))}
      </ul>

      <Form method="get" className="toolbar" role="search" aria-label={t("registrations.filter.label")}>
        <div className="field">
          <label htmlFor="registrations-q">{t("registrations.filter.search")}</label>
          <input id="registrations-q" name="q" type="search" defaultValue={query} />
        </div>
        <div className="field">
          <label htmlFor="registrations-status">{t("registrations.filter.status")}</label>
          <select id="registrations-status" name="status" defaultValue={status ?? ""}>
            <option value="">{t("registrations.filter.any")}</option>
            {STATUS_FILTERS.map((s) => (
              <option key={s} value={s}>
                {t(`registrationStatus.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button button--secondary">
          {t("registrations.filter.button")}
        </button>
        <a href={`/admin/events/${event.id}/registrations.csv`} className="button button--secondary" download>
          {t("registrations.exportCsv")}
        </a>
      </Form>

      {rows.length === 0 ? (
        <p>{t("registrations.noneMatch")}</p>
      ) : (
        <Form method="post" id="bulk-form" aria-label={t("registrations.bulk.label")}>
          <input type="hidden" name="q" value={query} />
          <input type="hidden" name="status" value={status ?? ""} />
          {pendingShown ? (
            <div className="toolbar">
              <button type="submit" name="intent" value="bulk-approve" className="button">
                {t("registrations.bulk.approveSelected")}
              </button>
              <button type="submit" name="intent" value="bulk-decline" className="button button--secondary">
                {t("registrations.bulk.declineSelected")}
              </button>
              <button type="submit" name="intent" value="bulk-approve-all" className="button button--secondary">
                {t(query || status ? "registrations.bulk.approveAllFiltered" : "registrations.bulk.approveAll", { count: pendingShown })}
              </button>
              <button type="submit" name="intent" value="bulk-decline-all" className="button button--secondary">
                {t(query || status ? "registrations.bulk.declineAllFiltered" : "registrations.bulk.declineAll", { count: pendingShown })}
              </button>
            </div>
          ) : null}
        </Form>
      )}
      {rows.length > 0 ? (
        <p id="promote-out-of-turn" className="field__hint">
          {t("registrations.promoteHint")}
        </p>
      ) : null}
      {rows.length > 0 ? (
        <ScrollRegion label={t("registrations.table.label")}>
          <table className="data-table">
            <caption className="visually-hidden">{t("registrations.table.caption", { zone: event.homeZone })}</caption>
            <thead>
              <tr>
                <th scope="col">
                  {hydrated && pendingShown ? (
                    <input type="checkbox" aria-label={t("registrations.table.selectAll")} onChange={(e) => toggleAll(e.currentTarget.checked)} />
                  ) : (
                    <span className="visually-hidden">{t("registrations.table.select")}</span>
                  )}
                </th>
                <th scope="col">{t("registrations.table.name")}</th>
                <th scope="col">{t("registrations.table.email")}</th>
                <th scope="col">{t("registrations.table.status")}</th>
                <th scope="col">{t("registrations.table.registered")}</th>
                <th scope="col">{t("registrations.table.actions")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id}>
                  <td>
                    {r.status === "pending" ? (
                      <input type="checkbox" name="ids" value={r.id} form="bulk-form" aria-label={t("registrations.table.selectOne", { name: r.name })} />
                    ) : null}
                  </td>
                  <td>
                    {r.name}
                    {r.affiliation ? <div className="field__hint">{r.affiliation}</div> : null}
                  </td>
                  <td>{r.email}</td>
                  <td className="data-table__word-cell">
                    {t(`registrationStatus.${r.status}`)}
                    {r.waitlistRank !== null ? ` (#${r.waitlistRank})` : ""}
                    {r.attended ? t("registrations.table.attended") : ""}
                  </td>
                  <td>{r.registeredAt}</td>
                  <td>
                    <Form method="post" className="inline-form">
                      <input type="hidden" name="registrationId" value={r.id} />
                      {r.status === "pending" ? (
                        <>
                          <button type="submit" name="intent" value="approve" className="button button--small" aria-label={t("registrations.table.approveName", { name: r.name })}>
                            {t("registrations.table.approve")}
                          </button>
                          <button type="submit" name="intent" value="decline" className="button button--secondary button--small" aria-label={t("registrations.table.declineName", { name: r.name })}>
                            {t("registrations.table.decline")}
                          </button>
                        </>
                      ) : null}
                      {r.status === "waitlisted" ? (
                        <button
                          type="submit"
                          name="intent"
                          value="promote"
                          className="button button--small"
                          aria-label={t("registrations.table.promoteName", { name: r.name })}
                          aria-describedby="promote-out-of-turn"
                        >
                          {t("registrations.table.promote")}
                        </button>
                      ) : null}
                      {r.status === "confirmed" || r.status === "waitlisted" || r.status === "pending" ? (
                        <button type="submit" name="intent" value="cancel-ask" className="button button--secondary button--small" aria-label={t("registrations.table.cancelName", { name: r.name })}>
                          {t("registrations.table.cancel")}
                        </button>
                      ) : null}
                    </Form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      ) : null}

      <Form method="post" className="stack-form panel" aria-labelledby="add-registration-title">
        <h3 id="add-registration-title">{t("registrations.add.heading")}</h3>
        <p className="field__hint">{t("registrations.add.hint")}</p>
        <datalist id="registrant-zone-list">
          {zones.map((z) => (
            <option key={z} value={z} />
          ))}
        </datalist>
        <PlainField id="add-name" name="name" label={t("registrations.add.name")} defaultValue={addValues.name} errors={actionData?.fieldErrors?.name} />
        <PlainField id="add-email" name="email" label={t("registrations.add.email")} type="email" defaultValue={addValues.email} errors={actionData?.fieldErrors?.email} />
        <PlainField id="add-affiliation" name="affiliation" label={t("registrations.add.affiliation")} optional defaultValue={addValues.affiliation} errors={actionData?.fieldErrors?.affiliation} />
        <div className="field">
          <label htmlFor="add-timeZone">{t("registrations.add.timeZone")}</label>
          <input
            id="add-timeZone"
            name="timeZone"
            list="registrant-zone-list"
            defaultValue={addValues.timeZone ?? event.homeZone}
            autoComplete="off"
            aria-invalid={actionData?.fieldErrors?.timeZone ? true : undefined}
            aria-describedby={actionData?.fieldErrors?.timeZone ? "add-timeZone-error" : undefined}
          />
          {actionData?.fieldErrors?.timeZone ? (
            <p className="field-error" id="add-timeZone-error">
              {actionData.fieldErrors.timeZone.join(" ")}
            </p>
          ) : null}
        </div>
        <button type="submit" name="intent" value="add" className="button">
          {t("registrations.add.button")}
        </button>
      </Form>
    </section>
  );
}
