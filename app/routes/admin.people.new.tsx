import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { requireUser } from "~/auth/session.server";
import { PersonForm } from "~/components/person-form";
import { handleDirectoryForm } from "~/events/directory-form-action.server";
import { translatorFor } from "~/i18n/catalogues.server";
import { consoleTranslatorFor } from "~/i18n/console-catalogues.server";
import { requestLocale } from "~/i18n/request-locale.server";
import { CONSOLE_NAMESPACE } from "~/i18n/translator";
import { createPersonFromForm } from "~/people/people-admin.server";
import { personFormSchemaIn } from "~/people/person-form";
import { listTimeZones } from "~/time/zone-catalog.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.metaTitle ?? "Podium" }, { name: "robots", content: "noindex" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireUser(context.db, request);
  return { zones: listTimeZones(), metaTitle: consoleTranslatorFor(requestLocale(request))("people.newMetaTitle") };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(context.db, request);
  const locale = requestLocale(request);
  const t = consoleTranslatorFor(locale);
  return handleDirectoryForm(request, {
    // The form's messages are shared with the speaker portal: the interface catalogue.
    schema: personFormSchemaIn(translatorFor(locale)),
    save: (values) => createPersonFromForm(context.db, { user, values, t }),
    listPath: "/admin/people",
  });
}

export default function NewPerson() {
  const { zones } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation(CONSOLE_NAMESPACE);
  return (
    <section aria-labelledby="new-person-title">
      <h1 id="new-person-title">{t("people.newTitle")}</h1>
      <p>{t("people.newIntro")}</p>
      <PersonForm defaultValue={{}} lastResult={actionData?.result} zones={zones} submitLabel={t("people.addSubmit")} isNew />
    </section>
  );
}
