import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/session.server";
import { EventForm } from "~/components/event-form";
import { newEventDefaults } from "~/events/event-admin.server";
import { eventFormPageData, handleEventForm } from "~/events/event-form-action.server";
import { viewerZoneFrom } from "~/viewer/viewer-zone.server";
import { useTranslation } from "~/i18n/use-translation";
import { consoleTranslatorFor } from "~/i18n/console-catalogues.server";
import { requestLocale } from "~/i18n/request-locale.server";
import { CONSOLE_NAMESPACE } from "~/i18n/translator";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.metaTitle ?? "Podium" }, { name: "robots", content: "noindex" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireUser(context.db, request);
  const pageData = await eventFormPageData(context.db, newEventDefaults({ zone: viewerZoneFrom(request), now: new Date() }));
  return { ...pageData, metaTitle: consoleTranslatorFor(requestLocale(request))("eventNew.metaTitle") };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(context.db, request);
  return handleEventForm(context.db, request, { user, eventId: null, links: context.links });
}

export default function NewEvent() {
  const { choices, defaultValue } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation(CONSOLE_NAMESPACE);
  return (
    <section aria-labelledby="new-event-title">
      <h1 id="new-event-title">{t("eventNew.title")}</h1>
      <p>{t("eventNew.intro")}</p>
      <EventForm
        choices={choices}
        defaultValue={defaultValue}
        lastResult={actionData?.result}
        descriptionPreviewHtml={actionData?.descriptionPreviewHtml}
        submitLabel={t("eventNew.submit")}
      />
    </section>
  );
}
