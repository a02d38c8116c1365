import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/session.server";
import { listMailbox } from "~/email/outbox-admin.server";
import { formatInstant } from "~/time";
import { viewerZoneFrom } from "~/viewer/viewer-zone.server";
import { Trans } from "react-i18next";
import { useTranslation } from "~/i18n/use-translation";
import { consoleTranslatorFor } from "~/i18n/console-catalogues.server";
import { requestLocale } from "~/i18n/request-locale.server";
import { CONSOLE_NAMESPACE } from "~/i18n/translator";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.metaTitle ?? "Podium" }, { name: "robots", content: "noindex" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(context.db, request);
  const locale = requestLocale(request);
  const zone = viewerZoneFrom(request) ?? "UTC";
  const messages = await listMailbox(context.db, user);
  return {
    messages: messages.map((m) => ({
      id: m.id,
      to: m.toAddress,
      subject: m.subject,
      received: formatInstant(m.receivedAt, zone, "dateTime", locale),
      attachments: m.attachmentCount.length,
    })),
    metaTitle: consoleTranslatorFor(locale)("mailbox.metaTitle"),
  };
}

export default function Mailbox() {
  const { messages } = useLoaderData<typeof loader>();
  const { t } = useTranslation(CONSOLE_NAMESPACE);
  return (
    <section aria-labelledby="mailbox-title">
      <h1 id="mailbox-title">{t("mailbox.title")}</h1>
      <p>
        <Trans t={t} i18nKey="mailbox.intro" components={{ code: <code /> }} />
      </p>
      {messages.length === 0 ? (
        <p className="empty-state">{t("mailbox.none")}</p>
      ) : (
        <ul className="mailbox-list">
          {messages.map((m) => (
            <li key={m.id}>
              <Link to={`/admin/mailbox/${m.id}`} className="mailbox-list__subject">
                {m.subject}
              </Link>
              <span className="mailbox-list__meta">
                {t("mailbox.toLine", { address: m.to })} · {m.received}
                {m.attachments > 0 ? ` · ${t("mailbox.attachments", { count: m.attachments })}` : ""}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
