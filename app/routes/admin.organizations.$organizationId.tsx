import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { requireUser } from "~/auth/session.server";
import { OrganizationForm } from "~/components/organization-form";
import { handleDirectoryForm } from "~/events/directory-form-action.server";
import { findOrganizationForEdit, organizationFormDefaults, updateOrganizationFromForm } from "~/events/organization-admin.server";
import { organizationFormSchemaIn } from "~/events/organization-form";
import { consoleTranslatorFor } from "~/i18n/console-catalogues.server";
import { requestLocale } from "~/i18n/request-locale.server";
import { CONSOLE_NAMESPACE } from "~/i18n/translator";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.metaTitle ?? "Podium" }, { name: "robots", content: "noindex" }];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  await requireUser(context.db, request);
  const t = consoleTranslatorFor(requestLocale(request));
  const row = await findOrganizationForEdit(context.db, params.organizationId);
  if (!row) throw new Response(t("organization.notFound"), { status: 404 });
  return { name: row.name, defaultValue: organizationFormDefaults(row), metaTitle: t("organization.metaTitle", { name: row.name }) };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(context.db, request);
  const t = consoleTranslatorFor(requestLocale(request));
  const row = await findOrganizationForEdit(context.db, params.organizationId);
  if (!row) throw new Response(t("organization.notFound"), { status: 404 });
  return handleDirectoryForm(request, {
    schema: organizationFormSchemaIn(t),
    save: (values) => updateOrganizationFromForm(context.db, { user, organizationId: row.id, values, t }),
    listPath: "/admin/organizations",
  });
}

export default function EditOrganization() {
  const { name, defaultValue } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation(CONSOLE_NAMESPACE);
  return (
    <section aria-labelledby="edit-organization-title">
      <h1 id="edit-organization-title">{name}</h1>
      <OrganizationForm defaultValue={defaultValue} lastResult={actionData?.result} submitLabel={t("directory.saveChanges")} isNew={false} />
    </section>
  );
}
