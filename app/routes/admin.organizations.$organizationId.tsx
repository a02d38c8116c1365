import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/session.server";
import { OrganizationForm } from "~/components/organization-form";
import { handleDirectoryForm } from "~/events/directory-form-action.server";
import { findOrganizationForEdit, organizationFormDefaults, updateOrganizationFromForm } from "~/events/organization-admin.server";
import { organizationFormSchema } from "~/events/organization-form";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.name} — Organizations — Podium` : "Organization not found — Podium" },
  { name: "robots", content: "noindex" },
];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  await requireUser(context.db, request);
  const row = await findOrganizationForEdit(context.db, params.organizationId);
  if (!row) throw new Response("No such organization.", { status: 404 });
  return { name: row.name, defaultValue: organizationFormDefaults(row) };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(context.db, request);
  const row = await findOrganizationForEdit(context.db, params.organizationId);
  if (!row) throw new Response("No such organization.", { status: 404 });
  return handleDirectoryForm(request, {
    schema: organizationFormSchema,
    save: (values) => updateOrganizationFromForm(context.db, { user, organizationId: row.id, values }),
    listPath: "/admin/organizations",
  });
}

export default function EditOrganization() {
  const { name, defaultValue } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <section aria-labelledby="edit-organization-title">
      <h1 id="edit-organization-title">{name}</h1>
      <OrganizationForm defaultValue={defaultValue} lastResult={actionData?.result} submitLabel="Save changes" isNew={false} />
    </section>
  );
}
