import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/auth/session.server";
import { findMailboxMessage } from "~/email/outbox-admin.server";
import { consoleTranslatorFor } from "~/i18n/console-catalogues.server";
import { requestLocale } from "~/i18n/request-locale.server";

// The email's own HTML, served alone under a sandboxing policy: whatever it
// contains can neither run script nor reach the console's origin.
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireUser(context.db, request);
  const message = await findMailboxMessage(context.db, user, params.id ?? "");
  if (!message) throw new Response(consoleTranslatorFor(requestLocale(request))("mailbox.notFound"), { status: 404 });
  return new Response(message.html, {
    headers: {
      "Content-Type": "text/html; charset=utf-8",
      "Content-Security-Policy": "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src https: data:",
      "Cache-Control": "private, no-store",
    },
  });
}
