import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/session.server";
import { PersonForm } from "~/components/person-form";
import { handleDirectoryForm } from "~/events/directory-form-action.server";
import { createPersonFromForm } from "~/people/people-admin.server";
import { personFormSchema } from "~/people/person-form";
import { listTimeZones } from "~/time/zone-catalog.server";

export const meta: MetaFunction = () => [{ title: "Add a person — Podium" }, { name: "robots", content: "noindex" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireUser(context.db, request);
  return { zones: listTimeZones() };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(context.db, request);
  return handleDirectoryForm(request, {
    schema: personFormSchema,
    save: (values) => createPersonFromForm(context.db, { user, values }),
    listPath: "/admin/people",
  });
}

export default function NewPerson() {
  const { zones } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <section aria-labelledby="new-person-title">
      <h1 id="new-person-title">Add a person</h1>
      <p>Once added, the person can be given a role in any event's agenda and gets a public speaker page.</p>
      <PersonForm defaultValue={{}} lastResult={actionData?.result} zones={zones} submitLabel="Add person" isNew />
    </section>
  );
}
