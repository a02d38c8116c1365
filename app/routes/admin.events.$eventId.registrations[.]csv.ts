import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireEventAccess } from "~/auth/event-access.server";
import { registrationsCsv } from "~/registrations/registrations-admin.server";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { event } = await requireEventAccess(context.db, request, params.eventId);
  return new Response(await registrationsCsv(context.db, event), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${event.slug}-registrations.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
}
