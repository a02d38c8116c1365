import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { listInstanceAudit, toAuditRows } from "~/audit/audit-log.server";
import { requireUser } from "~/auth/session.server";
import { viewerZoneFrom } from "~/viewer/viewer-zone.server";
import { AuditTable } from "~/components/audit-table";
import { useTranslation } from "~/i18n/use-translation";
import { consoleTranslatorFor } from "~/i18n/console-catalogues.server";
import { requestLocale } from "~/i18n/request-locale.server";
import { CONSOLE_NAMESPACE } from "~/i18n/translator";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.metaTitle ?? "Podium" }, { name: "robots", content: "noindex" }];

// Event changes are in each event's own audit log; this page holds the rest.
export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireUser(context.db, request, { role: "admin" });
  const zone = viewerZoneFrom(request) ?? "UTC";
  const locale = requestLocale(request);
  const t = consoleTranslatorFor(locale);
  const entries = await listInstanceAudit(context.db);
  return { entries: toAuditRows(entries, { zone, locale, t }), metaTitle: t("audit.metaTitle") };
}

export default function InstanceAudit() {
  const { entries } = useLoaderData<typeof loader>();
  const { t } = useTranslation(CONSOLE_NAMESPACE);
  return (
    <section aria-labelledby="instance-audit-title">
      <h1 id="instance-audit-title">{t("audit.title")}</h1>
      <p>{t("audit.intro")}</p>
      <AuditTable entries={entries} />
    </section>
  );
}
