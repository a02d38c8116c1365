import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/auth/session.server";
import { findMailboxMessage } from "~/email/outbox-admin.server";
import { consoleTranslatorFor } from "~/i18n/console-catalogues.server";
import { requestLocale } from "~/i18n/request-locale.server";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireUser(context.db, request);
  const message = await findMailboxMessage(context.db, user, params.id ?? "");
  const attachment = message?.attachments[Number(params.index)];
  if (!attachment) throw new Response(consoleTranslatorFor(requestLocale(request))("mailbox.noAttachment"), { status: 404 });
  return new Response(attachment.content, {
    headers: {
      "Content-Type": attachment.contentType,
      "Content-Disposition": `attachment; filename="${attachment.filename.replace(/["\\\r\n]/g, "")}"`,
      "Cache-Control": "private, no-store",
    },
  });
}
