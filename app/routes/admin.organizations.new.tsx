import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { requireUser } from "~/auth/session.server";
import { OrganizationForm } from "~/components/organization-form";
import { handleDirectoryForm } from "~/events/directory-form-action.server";
import { createOrganizationFromForm } from "~/events/organization-admin.server";
import { organizationFormSchemaIn } from "~/events/organization-form";
import { consoleTranslatorFor } from "~/i18n/console-catalogues.server";
import { requestLocale } from "~/i18n/request-locale.server";
import { CONSOLE_NAMESPACE } from "~/i18n/translator";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.metaTitle ?? "Podium" }, { name: "robots", content: "noindex" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireUser(context.db, request);
  return { metaTitle: consoleTranslatorFor(requestLocale(request))("organizations.newMetaTitle") };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(context.db, request);
  const t = consoleTranslatorFor(requestLocale(request));
  return handleDirectoryForm(request, {
    schema: organizationFormSchemaIn(t),
    save: (values) => createOrganizationFromForm(context.db, { user, values, t }),
    listPath: "/admin/organizations",
  });
}

export default function NewOrganization() {
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation(CONSOLE_NAMESPACE);
  return (
    <section aria-labelledby="new-organization-title">
      <h1 id="new-organization-title">{t("organizations.newTitle")}</h1>
      <p>{t("organizations.newIntro")}</p>
      <OrganizationForm defaultValue={{}} lastResult={actionData?.result} submitLabel={t("organizations.addSubmit")} isNew />
    </section>
  );
}
