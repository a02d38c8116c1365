import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { listEventAudit } from "~/audit/audit-log.server";
import { requireEventAccess } from "~/auth/event-access.server";
import { formatInstant } from "~/time";
import { viewerZoneFrom } from "~/viewer/viewer-zone.server";
import { ScrollRegion } from "~/components/scroll-region";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { event } = await requireEventAccess(context.db, request, params.eventId);
  const zone = viewerZoneFrom(request) ?? event.homeZone;
  const entries = await listEventAudit(context.db, event.id);
  return { entries: entries.map((e) => ({ id: e.id, at: formatInstant(e.createdAt, zone, "dateTime"), actor: e.actorLabel, summary: e.summary })) };
}

export default function AuditLog() {
  const { entries } = useLoaderData<typeof loader>();
  return (
    <section aria-labelledby="audit-title">
      <h2 id="audit-title">Audit log</h2>
      {entries.length ? (
        <ScrollRegion label="Audit log table">
          <table className="data-table">
            <caption className="visually-hidden">Who changed what, newest first</caption>
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Who</th>
                <th scope="col">What</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr key={e.id}>
                  <td>{e.at}</td>
                  <td>{e.actor}</td>
                  <td>{e.summary}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      ) : (
        <p>Nothing recorded yet.</p>
      )}
    </section>
  );
}
