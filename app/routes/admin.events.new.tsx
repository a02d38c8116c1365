import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/session.server";
import { EventForm } from "~/components/event-form";
import { newEventDefaults } from "~/events/event-admin.server";
import { eventFormPageData, handleEventForm } from "~/events/event-form-action.server";
import { viewerZoneFrom } from "~/viewer/viewer-zone.server";

export const meta: MetaFunction = () => [{ title: "New event — Podium" }, { name: "robots", content: "noindex" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireUser(context.db, request);
  return eventFormPageData(context.db, newEventDefaults({ zone: viewerZoneFrom(request), now: new Date() }));
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(context.db, request);
  return handleEventForm(context.db, request, { user, eventId: null, links: context.links });
}

export default function NewEvent() {
  const { choices, defaultValue } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <section aria-labelledby="new-event-title">
      <h1 id="new-event-title">New event</h1>
      <p>New events start as drafts: nobody sees them until you publish.</p>
      <EventForm
        choices={choices}
        defaultValue={defaultValue}
        lastResult={actionData?.result}
        descriptionPreviewHtml={actionData?.descriptionPreviewHtml}
        submitLabel="Create draft"
      />
    </section>
  );
}
