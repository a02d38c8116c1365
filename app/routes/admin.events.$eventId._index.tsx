import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireEventAccess } from "~/auth/event-access.server";
import { BarChartTable } from "~/components/bar-chart";
import { handleEventOverviewAction, loadEventOverview } from "~/events/event-overview.server";
import { ActionNotice } from "~/components/action-notice";
import { TranslationGaps } from "~/components/translation-gaps";
import { translationGaps } from "~/content/translations-admin.server";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { event } = await requireEventAccess(context.db, request, params.eventId);
  const [overview, translations] = await Promise.all([
    loadEventOverview(context.db, event, new Date(), new URL(request.url).searchParams),
    translationGaps(context.db, { kind: "event", eventId: event.id }),
  ]);
  return { ...overview, translations };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, event } = await requireEventAccess(context.db, request, params.eventId);
  return handleEventOverviewAction(context.db, request, { user, event, links: context.links });
}

export default function EventOverview() {
  const { event, counts, fill, attendance, perDay, organizers, notice, outside, registeredEver, translations } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <section aria-labelledby="overview-title">
      <h2 id="overview-title">Overview</h2>
      <ActionNotice result={actionData ?? (notice ? { ok: true, message: notice } : null)} />
      <p>{event.when}</p>
      {outside.length > 0 ? (
        <div className="notice notice--warning" role="status">
          <p>
            {outside.length === 1 ? "One agenda segment falls" : `${outside.length} agenda segments fall`} outside the event's time; adjust them on the{" "}
            <Link to="agenda">Agenda</Link> tab:
          </p>
          <ul>
            {outside.map((segment) => (
              <li key={segment.title}>
                “{segment.title}”: {segment.problems.join("; ").toLowerCase()}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {event.status === "published" ? (
        <p>
          Public page: <Link to={`/events/${event.slug}`}>/events/{event.slug}</Link>
        </p>
      ) : null}
      {translations ? <TranslationGaps sourceLocale={translations.sourceLocale} gaps={translations.gaps} editPath="translations" /> : null}
      {!event.hasJoinUrl && event.status !== "cancelled" ? <p className="notice notice--warning">No webinar link yet: registrants' join links will say the link is not ready.</p> : null}

      <ul className="count-list" aria-label="Registrations by status">
        <li>Confirmed: {counts.confirmed}{event.capacity ? ` of ${event.capacity} (${fill})` : ""}</li>
        <li>Waitlisted: {counts.waitlisted}</li>
        <li>Pending: {counts.pending}</li>
        <li>Cancelled: {counts.cancelled}</li>
        <li>Attended: {counts.attended}</li>
        {attendance !== null ? <li>Attendance rate: {attendance}</li> : null}
      </ul>

      {event.status === "draft" ? (
        <Form method="post" className="panel">
          <h3>Publish</h3>
          <p>Publishing puts the event on the public site, in the calendar feeds, and opens registration.</p>
          <button type="submit" name="intent" value="publish" className="button">
            Publish event
          </button>
        </Form>
      ) : null}

      {event.status === "published" && !registeredEver ? (
        <Form method="post" className="panel">
          <h3>Unpublish</h3>
          <p>Nobody has registered yet, so the event can go back to being a draft: off the public site and the calendar feeds until you publish it again.</p>
          <button type="submit" name="intent" value="unpublish" className="button button--secondary">
            Unpublish event
          </button>
        </Form>
      ) : null}

      <div className="panel">
        <h3>Duplicate</h3>
        <p>A new draft with this event's agenda, people, questions and settings, on a date you choose.</p>
        <Link to={`/admin/events/${event.id}/duplicate`} className="button button--secondary">
          Duplicate event
        </Link>
      </div>

      <h3>Registrations over time</h3>
      {perDay.length ? (
        <BarChartTable caption="Registrations per day (event's home zone)" labelHeading="Day" valueHeading="Registrations" rows={perDay.map((d) => ({ label: d.day, value: d.count }))} />
      ) : (
        <p>No registrations yet.</p>
      )}

      <h3>Organizers</h3>
      {organizers.length ? (
        <ul>
          {organizers.map((o) => (
            <li key={o.id}>
              {o.name} ({o.email})
            </li>
          ))}
        </ul>
      ) : (
        <p>No organizer account owns this event yet; administrators manage it. Share it to hand it to an organizer.</p>
      )}
      <Form method="post" className="toolbar">
        <input type="hidden" name="intent" value="share" />
        <div className="field">
          <label htmlFor="share-email">Share with another organizer (their account email)</label>
          <input id="share-email" name="email" type="email" required autoComplete="off" />
        </div>
        <button type="submit" className="button button--secondary">
          Share
        </button>
      </Form>

      {event.status === "draft" && !registeredEver ? (
        <Form method="post" className="panel">
          <h3>Delete the draft</h3>
          <p>The draft, its agenda, questions and recordings are removed for good. People in the directory stay.</p>
          <div className="field field--checkbox">
            <input type="checkbox" id="confirm-delete" name="confirm" value="yes" required />
            <label htmlFor="confirm-delete">Yes, delete this draft</label>
          </div>
          <button type="submit" name="intent" value="delete" className="button button--danger">
            Delete draft
          </button>
        </Form>
      ) : null}

      {event.status !== "cancelled" ? (
        <Form method="post" className="panel">
          <h3>Cancel the event</h3>
          <p>
            Everyone registered is emailed with a calendar cancellation, and registration closes. This cannot be undone.
          </p>
          <div className="field field--checkbox">
            <input type="checkbox" id="confirm-cancel" name="confirm" value="yes" required />
            <label htmlFor="confirm-cancel">Yes, cancel this event and tell the registrants</label>
          </div>
          <button type="submit" name="intent" value="cancel" className="button button--danger">
            Cancel event
          </button>
        </Form>
      ) : null}
    </section>
  );
}
