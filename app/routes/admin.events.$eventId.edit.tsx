import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { requireEventAccess } from "~/auth/event-access.server";
import { EventForm } from "~/components/event-form";
import { eventFormDefaults } from "~/events/event-admin.server";
import { eventFormPageData, handleEventForm } from "~/events/event-form-action.server";
import { useTranslation } from "~/i18n/use-translation";
import { CONSOLE_NAMESPACE } from "~/i18n/translator";

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
  const { t } = useTranslation(CONSOLE_NAMESPACE);
  return (
    <section aria-labelledby="edit-title">
      <h2 id="edit-title">{t("eventEdit.title")}</h2>
      {status === "published" ? (
        <p className="notice">{t("eventEdit.publishedNotice")}</p>
      ) : null}
      <EventForm
        choices={choices}
        defaultValue={defaultValue}
        lastResult={actionData?.result}
        descriptionPreviewHtml={actionData?.descriptionPreviewHtml}
        submitLabel={t("eventEdit.submit")}
      />
    </section>
  );
}
