import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { listInstanceAudit, toAuditRows } from "~/audit/audit-log.server";
import { requireUser } from "~/auth/session.server";
import { viewerZoneFrom } from "~/viewer/viewer-zone.server";
import { AuditTable } from "~/components/audit-table";

export const meta: MetaFunction = () => [{ title: "Audit log — Podium console" }, { name: "robots", content: "noindex" }];

// Event changes are in each event's own audit log; this page holds the rest.
export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireUser(context.db, request, { role: "admin" });
  const zone = viewerZoneFrom(request) ?? "UTC";
  const entries = await listInstanceAudit(context.db);
  return { entries: toAuditRows(entries, zone) };
}

export default function InstanceAudit() {
  const { entries } = useLoaderData<typeof loader>();
  return (
    <section aria-labelledby="instance-audit-title">
      <h1 id="instance-audit-title">Audit log</h1>
      <p>Changes to accounts, people, series and organizations, newest first. Each event keeps its own log under its Audit log tab.</p>
      <AuditTable entries={entries} />
    </section>
  );
}
