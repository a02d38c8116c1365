import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { listEventAudit, toAuditRows } from "~/audit/audit-log.server";
import { requireEventAccess } from "~/auth/event-access.server";
import { viewerZoneFrom } from "~/viewer/viewer-zone.server";
import { AuditTable } from "~/components/audit-table";
import { useTranslation } from "~/i18n/use-translation";
import { consoleTranslatorFor } from "~/i18n/console-catalogues.server";
import { requestLocale } from "~/i18n/request-locale.server";
import { CONSOLE_NAMESPACE } from "~/i18n/translator";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { event } = await requireEventAccess(context.db, request, params.eventId);
  const zone = viewerZoneFrom(request) ?? event.homeZone;
  const locale = requestLocale(request);
  const entries = await listEventAudit(context.db, event.id);
  return { entries: toAuditRows(entries, { zone, locale, t: consoleTranslatorFor(locale) }) };
}

export default function AuditLog() {
  const { entries } = useLoaderData<typeof loader>();
  const { t } = useTranslation(CONSOLE_NAMESPACE);
  return (
    <section aria-labelledby="audit-title">
      <h2 id="audit-title">{t("audit.title")}</h2>
      <AuditTable entries={entries} />
    </section>
  );
}
