import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { requireEventAccess } from "~/auth/event-access.server";
import { BarChartTable } from "~/components/bar-chart";
import { handleEventOverviewAction, loadEventOverview } from "~/events/event-overview.server";
import { ActionNotice } from "~/components/action-notice";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { event } = await requireEventAccess(context.db, request, params.eventId);
  return loadEventOverview(context.db, event, new Date());
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, event } = await requireEventAccess(context.db, request, params.eventId);
  return handleEventOverviewAction(context.db, request, { user, event, links: context.links });
}

const NOTICES: Record<string, string> = { created: "Draft created. Build the agenda, then publish.", saved: "Changes saved." };

export default function EventOverview() {
  const { event, counts, fill, attendance, perDay, organizers } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [search] = useSearchParams();
  const notice = NOTICES[search.get("notice") ?? ""];
  return (
    <section aria-labelledby="overview-title">
      <h2 id="overview-title">Overview</h2>
      <ActionNotice result={actionData ?? (notice ? { ok: true, message: notice } : null)} />
      <p>{event.when}</p>
      {event.status === "published" ? (
        <p>
          Public page: <Link to={`/events/${event.slug}`}>/events/{event.slug}</Link>
        </p>
      ) : null}
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
