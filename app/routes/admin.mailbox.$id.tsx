import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/session.server";
import { findMailboxMessage } from "~/email/outbox-admin.server";
import { formatInstant } from "~/time";
import { viewerZoneFrom } from "~/viewer/viewer-zone.server";
import { useTranslation } from "~/i18n/use-translation";
import { consoleTranslatorFor } from "~/i18n/console-catalogues.server";
import { requestLocale } from "~/i18n/request-locale.server";
import { CONSOLE_NAMESPACE } from "~/i18n/translator";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.metaTitle ?? "Podium" }, { name: "robots", content: "noindex" }];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireUser(context.db, request);
  const locale = requestLocale(request);
  const t = consoleTranslatorFor(locale);
  const message = await findMailboxMessage(context.db, user, params.id ?? "");
  if (!message) throw new Response(t("mailbox.notFound"), { status: 404 });
  return {
    id: message.id,
    from: message.fromAddress,
    to: message.toAddress,
    subject: message.subject,
    metaTitle: t("mailbox.messageTitle", { subject: message.subject }),
    received: formatInstant(message.receivedAt, viewerZoneFrom(request) ?? "UTC", "dateTime", locale),
    text: message.text,
    headers: Object.entries(message.headers),
    attachments: message.attachments.map((a, index) => ({ index, filename: a.filename, contentType: a.contentType })),
  };
}

export default function MailboxMessage() {
  const m = useLoaderData<typeof loader>();
  const { t } = useTranslation(CONSOLE_NAMESPACE);
  return (
    <article aria-labelledby="message-title">
      <p>
        <Link to="/admin/mailbox">{t("mailbox.back")}</Link>
      </p>
      <h1 id="message-title">{m.subject}</h1>
      <dl className="details">
        <dt>{t("mailbox.from")}</dt>
        <dd>{m.from}</dd>
        <dt>{t("mailbox.to")}</dt>
        <dd>{m.to}</dd>
        <dt>{t("mailbox.received")}</dt>
        <dd>{m.received}</dd>
        {m.headers.map(([name, value]) => (
          <div className="details__pair" key={name}>
            <dt>{name}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {m.attachments.length > 0 ? (
        <section aria-labelledby="attachments-title">
          <h2 id="attachments-title">{t("mailbox.attachmentsTitle")}</h2>
          <ul>
            {m.attachments.map((a) => (
              <li key={a.index}>
                <a href={`/admin/mailbox/${m.id}/attachments/${a.index}`} download={a.filename}>
                  {a.filename}
                </a>{" "}
                <span className="mailbox-list__meta">({a.contentType})</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section aria-labelledby="html-title">
        <h2 id="html-title">{t("mailbox.html")}</h2>
        <p>
          <a href={`/admin/mailbox/${m.id}/html`} target="_blank" rel="noopener noreferrer">
            {t("mailbox.openHtml")}
          </a>{" "}
          {t("mailbox.htmlNote")}
        </p>
      </section>
      <section aria-labelledby="text-title">
        <h2 id="text-title">{t("mailbox.plainText")}</h2>
        <pre className="mail-text">{m.text}</pre>
      </section>
    </article>
  );
}
