import { ConfirmPanel } from "~/components/confirm-panel";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useEffect, useState } from "react";
import { requireEventAccess } from "~/auth/event-access.server";
import { PlainField } from "~/components/form-fields";
import { registrationCounts } from "~/events/event-stats.server";
import { handleRegistrationsAction } from "~/registrations/registrations-admin-action.server";
import { listEventRegistrations } from "~/registrations/registrations-admin.server";
import { STATUS_FILTERS, STATUS_FILTER_LABEL, parseStatusFilter, statusLabel } from "~/registrations/registration-status";
import { listTimeZones } from "~/time/zone-catalog.server";
import { ScrollRegion } from "~/components/scroll-region";
import { ActionNotice } from "~/components/action-notice";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { event } = await requireEventAccess(context.db, request, params.eventId);
  const url = new URL(request.url);
  const query = (url.searchParams.get("q") ?? "").slice(0, 100);
  const status = parseStatusFilter(url.searchParams.get("status"));
  const [counts, rows] = await Promise.all([registrationCounts(context.db, event.id), listEventRegistrations(context.db, event, { query, status })]);
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
  const toggleAll = (checked: boolean) => {
    document.querySelectorAll<HTMLInputElement>('input[form="bulk-form"][name="ids"]').forEach((box) => {
      box.checked = checked;
    });
  };
  return (
    <section aria-labelledby="registrations-title">
      <h2 id="registrations-title">Registrations</h2>
      <ActionNotice result={actionData} />
      {actionData?.confirmCancel ? (
        <ConfirmPanel fields={{ registrationId: actionData.confirmCancel.id }} intent="cancel" confirmLabel="Yes, cancel it">
          Cancel {actionData.confirmCancel.name}'s registration? They are emailed, and if they held a seat, the first person on the waitlist gets it.
        </ConfirmPanel>
      ) : null}

      <ul className="count-list" aria-label="Registrations by status">
        <li>Confirmed: {counts.confirmed}{event.capacity ? ` of ${event.capacity}` : ""}</li>
        <li>Waitlisted: {counts.waitlisted}</li>
        <li>Pending: {counts.pending}</li>
        <li>Declined: {counts.declined}</li>
        <li>Cancelled: {counts.cancelled}</li>
        <li>Attended: {counts.attended}</li>
      </ul>

      <Form method="get" className="toolbar" role="search" aria-label="Filter registrations">
        <div className="field">
          <label htmlFor="registrations-q">Search name, email or affiliation</label>
          <input id="registrations-q" name="q" type="search" defaultValue={query} />
        </div>
        <div className="field">
          <label htmlFor="registrations-status">Status</label>
          <select id="registrations-status" name="status" defaultValue={status ?? ""}>
            <option value="">Any status</option>
            {STATUS_FILTERS.map((s) => (
              <option key={s} value={s}>
                {STATUS_FILTER_LABEL[s]}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button button--secondary">
          Filter
        </button>
        <a href={`/admin/events/${event.id}/registrations.csv`} className="button button--secondary" download>
          Export CSV
        </a>
      </Form>

      {rows.length === 0 ? (
        <p>No registrations match.</p>
      ) : (
        <Form method="post" id="bulk-form" aria-label="Decide pending registrations">
          <input type="hidden" name="q" value={query} />
          <input type="hidden" name="status" value={status ?? ""} />
          {pendingShown ? (
            <div className="toolbar">
              <button type="submit" name="intent" value="bulk-approve" className="button">
                Approve selected
              </button>
              <button type="submit" name="intent" value="bulk-decline" className="button button--secondary">
                Decline selected
              </button>
              <button type="submit" name="intent" value="bulk-approve-all" className="button button--secondary">
                Approve all {pendingShown} pending{query || status ? " matching this filter" : ""}
              </button>
              <button type="submit" name="intent" value="bulk-decline-all" className="button button--secondary">
                Decline all {pendingShown} pending{query || status ? " matching this filter" : ""}
              </button>
            </div>
          ) : null}
        </Form>
      )}
      {rows.length > 0 ? (
        <p id="promote-out-of-turn" className="field__hint">
          Freed seats go to the waitlist automatically, first come, first served, and each person moved up is emailed. “Promote out of turn”
          seats someone now: it jumps the queue, may go past capacity, and is recorded as your choice.
        </p>
      ) : null}
      {rows.length > 0 ? (
        <ScrollRegion label="Registrations table">
          <table className="data-table">
            <caption className="visually-hidden">Registrations (times in {event.homeZone})</caption>
            <thead>
              <tr>
                <th scope="col">
                  {hydrated && pendingShown ? (
                    <input type="checkbox" aria-label="Select all pending registrations shown" onChange={(e) => toggleAll(e.currentTarget.checked)} />
                  ) : (
                    <span className="visually-hidden">Select</span>
                  )}
                </th>
                <th scope="col">Name</th>
                <th scope="col">Email</th>
                <th scope="col">Status</th>
                <th scope="col">Registered</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id}>
                  <td>
                    {r.status === "pending" ? (
                      <input type="checkbox" name="ids" value={r.id} form="bulk-form" aria-label={`Select ${r.name}`} />
                    ) : null}
                  </td>
                  <td>
                    {r.name}
                    {r.affiliation ? <div className="field__hint">{r.affiliation}</div> : null}
                  </td>
                  <td>{r.email}</td>
                  <td>
                    {statusLabel(r.status)}
                    {r.waitlistRank !== null ? ` (#${r.waitlistRank})` : ""}
                    {r.attended ? ", attended" : ""}
                  </td>
                  <td>{r.registeredAt}</td>
                  <td>
                    <Form method="post" className="inline-form">
                      <input type="hidden" name="registrationId" value={r.id} />
                      {r.status === "pending" ? (
                        <>
                          <button type="submit" name="intent" value="approve" className="button button--small" aria-label={`Approve ${r.name}`}>
                            Approve
                          </button>
                          <button type="submit" name="intent" value="decline" className="button button--secondary button--small" aria-label={`Decline ${r.name}`}>
                            Decline
                          </button>
                        </>
                      ) : null}
                      {r.status === "waitlisted" ? (
                        <button
                          type="submit"
                          name="intent"
                          value="promote"
                          className="button button--small"
                          aria-label={`Promote out of turn: ${r.name}`}
                          aria-describedby="promote-out-of-turn"
                        >
                          Promote out of turn
                        </button>
                      ) : null}
                      {r.status === "confirmed" || r.status === "waitlisted" || r.status === "pending" ? (
                        <button type="submit" name="intent" value="cancel-ask" className="button button--secondary button--small" aria-label={`Cancel ${r.name}'s registration`}>
                          Cancel
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
        <h3 id="add-registration-title">Add a registration by hand</h3>
        <p className="field__hint">Capacity and approval rules apply; the registration window does not. The person is emailed as if they had registered.</p>
        <datalist id="registrant-zone-list">
          {zones.map((z) => (
            <option key={z} value={z} />
          ))}
        </datalist>
        <PlainField id="add-name" name="name" label="Name" defaultValue={addValues.name} errors={actionData?.fieldErrors?.name} />
        <PlainField id="add-email" name="email" label="Email" type="email" defaultValue={addValues.email} errors={actionData?.fieldErrors?.email} />
        <PlainField id="add-affiliation" name="affiliation" label="Affiliation" optional defaultValue={addValues.affiliation} errors={actionData?.fieldErrors?.affiliation} />
        <div className="field">
          <label htmlFor="add-timeZone">Their time zone</label>
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
          Add registration
        </button>
      </Form>
    </section>
  );
}
