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

export const meta: MetaFunction = () => [{ title: "Organizer console — Podium" }, { name: "robots", content: "noindex" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(context.db, request);
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
    when: formatEventRange({ startsAt: e.startsAt, endsAt: e.endsAt, zones: e.displayZones }).text,
    confirmed: e.confirmed,
    waitlisted: e.waitlisted,
    pending: e.pending,
    capacity: e.capacity,
    fill: percent(fillRate(e.confirmed, e.capacity)),
    attendance: percent(e.confirmed ? e.attended / e.confirmed : null),
  });
  return {
    name: user.name,
    upcoming: upcoming.map(row),
    past: past.map(row),
    outbox: {
      ...outbox,
      rate: outbox.rate && {
        ...outbox.rate,
        pausedUntil: outbox.rate.pausedUntil ? formatInstant(outbox.rate.pausedUntil, zone, "time") : null,
      },
    },
    dead: dead.map((m) => ({ ...m, createdAt: formatInstant(m.createdAt, zone, "dateTime") })),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(context.db, request);
  const form = await request.formData();
  if (form.get("intent") === "retry-all") {
    const count = await retryAllDeadMessages(context.db, user);
    return count > 0
      ? data({ ok: true, message: `${count} ${count === 1 ? "message" : "messages"} queued again; the worker will send them within seconds.` })
      : data({ ok: false, message: "There are no undelivered messages of yours to retry." }, { status: 404 });
  }
  if (form.get("intent") !== "retry") return data({ ok: false, message: "Unknown action." }, { status: 400 });
  const retried = await retryDeadMessage(context.db, user, String(form.get("id") ?? ""));
  return retried
    ? data({ ok: true, message: "Queued again; the worker will try it within seconds." })
    : data({ ok: false, message: "That message is not dead any more, or is not yours to retry." }, { status: 404 });
}

export default function AdminHome() {
  const { name, upcoming, past, outbox, dead } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <section aria-labelledby="console-title">
      <h1 id="console-title">Organizer console</h1>
      <p>Welcome, {name}.</p>
      <p>
        <Link to="/admin/events/new" className="button">
          New event
        </Link>
      </p>
      <ActionNotice result={actionData} />
      <h2>Upcoming events</h2>
      {upcoming.length ? <EventTable rows={upcoming} caption="Upcoming events with their fill rate" measure="fill" /> : <p>No upcoming events yet.</p>}
      <h2>Recent past events</h2>
      {past.length ? <EventTable rows={past} caption="Past events with their attendance rate" measure="attendance" /> : <p>No past events.</p>}

      <h2>Email outbox</h2>
      <ul className="count-list" aria-label="Outbox by state">
        <li>Queued: {outbox.queued}</li>
        <li>Sending: {outbox.sending}</li>
        <li>Waiting, provider asked us to slow down: {outbox.waitingForRateLimit}</li>
        <li>Waiting to retry after a provider error: {outbox.waitingAfterError}</li>
        <li>Undelivered: {outbox.dead}</li>
        <li>Dropped, too late to be useful: {outbox.dropped}</li>
        <li>Sent: {outbox.sent}</li>
      </ul>
      <p>
        Sent in the last minute: {outbox.sentLastMinute}.{" "}
        {outbox.rate
          ? `Send rate: ${outbox.rate.current} of ${outbox.rate.configured} requests per second${outbox.rate.pausedUntil ? `, paused by the provider until ${outbox.rate.pausedUntil}` : ""}.`
          : "Mail goes to the built-in mailbox, with no rate limit."}
      </p>
      {dead.length ? (
        <ScrollRegion label="Undelivered messages table">
          <table className="data-table">
            <caption>Messages that could not be delivered</caption>
            <thead>
              <tr>
                <th scope="col">To</th>
                <th scope="col">Message</th>
                <th scope="col">Attempts</th>
                <th scope="col">Provider's answer</th>
                <th scope="col">Action</th>
              </tr>
            </thead>
            <tbody>
              {dead.map((m) => (
                <tr key={m.id}>
                  <td>{m.toEmail}</td>
                  <td>
                    {m.template} ({m.createdAt})
                  </td>
                  <td>{m.attempts}</td>
                  <td>{m.lastError}</td>
                  <td>
                    <Form method="post">
                      <input type="hidden" name="id" value={m.id} />
                      <button type="submit" name="intent" value="retry" className="button button--secondary">
                        Retry
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
            Retry all undelivered messages
          </button>
        </Form>
      ) : null}
      <p>
        <Link to="/admin/mailbox">Open the built-in mailbox</Link>
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
  return (
    <ScrollRegion label={caption}>
      <table className="data-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Event</th>
            <th scope="col">When</th>
            <th scope="col">Registered</th>
            <th scope="col">{measure === "fill" ? "Fill rate" : "Attendance"}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((e) => (
            <tr key={e.id}>
              <td>
                <Link to={`/admin/events/${e.id}`}>{e.title}</Link> <span className="field__optional">({e.status})</span>
              </td>
              <td>{e.when}</td>
              <td>
                {e.confirmed}
                {e.capacity ? ` / ${e.capacity}` : ""}
                {e.waitlisted ? `, ${e.waitlisted} waiting` : ""}
                {e.pending ? `, ${e.pending} pending` : ""}
              </td>
              <td>{measure === "fill" ? e.fill : e.attendance}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
