import type { LoaderFunctionArgs } from "@remix-run/node";
import { translatorFor } from "~/i18n/catalogues.server";
import { requestLocale } from "~/i18n/request-locale.server";
import { enterPortal, refuseSpeakerLink, speakerCalendar } from "~/speakers/portal.server";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const locale = requestLocale(request);
  const door = await enterPortal(context.db, request, params.token, new Date());
  if (door.kind !== "ok") throw refuseSpeakerLink(door, translatorFor(locale));
  return new Response(await speakerCalendar(context.db, door, context.origin, locale), {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": `attachment; filename="${door.event.slug}-my-sessions.ics"`,
      "Cache-Control": "private, no-store",
      "Referrer-Policy": "same-origin",
    },
  });
}
