import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { listEventAudit, toAuditRows } from "~/audit/audit-log.server";
import { requireEventAccess } from "~/auth/event-access.server";
import { viewerZoneFrom } from "~/viewer/viewer-zone.server";
import { AuditTable } from "~/components/audit-table";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { event } = await requireEventAccess(context.db, request, params.eventId);
  const zone = viewerZoneFrom(request) ?? event.homeZone;
  const entries = await listEventAudit(context.db, event.id);
  return { entries: toAuditRows(entries, zone) };
}

export default function AuditLog() {
  const { entries } = useLoaderData<typeof loader>();
  return (
    <section aria-labelledby="audit-title">
      <h2 id="audit-title">Audit log</h2>
      <AuditTable entries={entries} />
    </section>
  );
}
