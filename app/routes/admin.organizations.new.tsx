import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData } from "@remix-run/react";
import { requireUser } from "~/auth/session.server";
import { OrganizationForm } from "~/components/organization-form";
import { handleDirectoryForm } from "~/events/directory-form-action.server";
import { createOrganizationFromForm } from "~/events/organization-admin.server";
import { organizationFormSchema } from "~/events/organization-form";

export const meta: MetaFunction = () => [{ title: "Add an organization — Podium" }, { name: "robots", content: "noindex" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireUser(context.db, request);
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(context.db, request);
  return handleDirectoryForm(request, {
    schema: organizationFormSchema,
    save: (values) => createOrganizationFromForm(context.db, { user, values }),
    listPath: "/admin/organizations",
  });
}

export default function NewOrganization() {
  const actionData = useActionData<typeof action>();
  return (
    <section aria-labelledby="new-organization-title">
      <h1 id="new-organization-title">Add an organization</h1>
      <p>Events name their hosts and partners from this list.</p>
      <OrganizationForm defaultValue={{}} lastResult={actionData?.result} submitLabel="Add organization" isNew />
    </section>
  );
}
