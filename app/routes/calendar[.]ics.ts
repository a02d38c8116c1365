import type { LoaderFunctionArgs } from "@remix-run/node";
import { calendarResponse } from "~/events/calendar-response.server";
import { listAllPublicEvents } from "~/events/public-events.server";
import { requestLocale } from "~/i18n/request-locale.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  return calendarResponse({
    name: "Podium events",
    filename: "podium.ics",
    events: await listAllPublicEvents(context.db),
    origin: context.origin,
    url: context.origin,
    locale: requestLocale(request),
  });
}
