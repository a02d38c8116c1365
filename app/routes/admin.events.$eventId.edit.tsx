import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { requireEventAccess } from "~/auth/event-access.server";
import { EventForm } from "~/components/event-form";
import { eventFormDefaults } from "~/events/event-admin.server";
import { eventFormPageData, handleEventForm } from "~/events/event-form-action.server";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { event } = await requireEventAccess(context.db, request, params.eventId);
  return { ...(await eventFormPageData(context.db, await eventFormDefaults(context.db, event))), status: event.status };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, event } = await requireEventAccess(context.db, request, params.eventId);
  return handleEventForm(context.db, request, { user, eventId: event.id, links: context.links });
}

export default function EditEvent() {
  const { choices, defaultValue, status } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <section aria-labelledby="edit-title">
      <h2 id="edit-title">Details</h2>
      {status === "published" ? (
        <p className="notice">Registrants are emailed (with an updated calendar invite) when you change the time, the title or the webinar link.</p>
      ) : null}
      <EventForm
        choices={choices}
        defaultValue={defaultValue}
        lastResult={actionData?.result}
        descriptionPreviewHtml={actionData?.descriptionPreviewHtml}
        submitLabel="Save changes"
      />
    </section>
  );
}
