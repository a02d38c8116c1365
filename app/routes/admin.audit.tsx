import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { listInstanceAudit } from "~/audit/audit-log.server";
import { requireUser } from "~/auth/session.server";
import { ScrollRegion } from "~/components/scroll-region";
import { formatInstant } from "~/time";
import { viewerZoneFrom } from "~/viewer/viewer-zone.server";

export const meta: MetaFunction = () => [{ title: "Audit log — Podium console" }, { name: "robots", content: "noindex" }];

// Event changes are in each event's own audit log; this page holds the rest.
export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireUser(context.db, request, { role: "admin" });
  const zone = viewerZoneFrom(request) ?? "UTC";
  const entries = await listInstanceAudit(context.db);
  return { entries: entries.map((e) => ({ id: e.id, at: formatInstant(e.createdAt, zone, "dateTime"), actor: e.actorLabel, summary: e.summary })) };
}

export default function InstanceAudit() {
  const { entries } = useLoaderData<typeof loader>();
  return (
    <section aria-labelledby="instance-audit-title">
      <h1 id="instance-audit-title">Audit log</h1>
      <p>Changes to accounts, people, series and organizations, newest first. Each event keeps its own log under its Audit log tab.</p>
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
