import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/session.server";
import { listMailbox } from "~/email/outbox-admin.server";
import { formatInstant } from "~/time";
import { viewerZoneFrom } from "~/viewer/viewer-zone.server";

export const meta: MetaFunction = () => [{ title: "Mailbox — Podium" }, { name: "robots", content: "noindex" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(context.db, request);
  const zone = viewerZoneFrom(request) ?? "UTC";
  const messages = await listMailbox(context.db, user);
  return {
    messages: messages.map((m) => ({
      id: m.id,
      to: m.toAddress,
      subject: m.subject,
      received: formatInstant(m.receivedAt, zone, "dateTime"),
      attachments: m.attachmentCount.length,
    })),
  };
}

export default function Mailbox() {
  const { messages } = useLoaderData<typeof loader>();
  return (
    <section aria-labelledby="mailbox-title">
      <h1 id="mailbox-title">Mailbox</h1>
      <p>
        With no <code>RESEND_API_KEY</code> configured, every email Podium sends is delivered here instead, exactly as it would
        have been sent.
      </p>
      {messages.length === 0 ? (
        <p className="empty-state">No email has been sent yet.</p>
      ) : (
        <ul className="mailbox-list">
          {messages.map((m) => (
            <li key={m.id}>
              <Link to={`/admin/mailbox/${m.id}`} className="mailbox-list__subject">
                {m.subject}
              </Link>
              <span className="mailbox-list__meta">
                To {m.to} · {m.received}
                {m.attachments > 0 ? ` · ${m.attachments} attachment${m.attachments === 1 ? "" : "s"}` : ""}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
