import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData } from "@remix-run/react";
import { requireUser } from "~/auth/session.server";
import { SeriesForm } from "~/components/series-form";
import { handleDirectoryForm } from "~/events/directory-form-action.server";
import { createSeriesFromForm } from "~/events/series-admin.server";
import { seriesFormSchema } from "~/events/series-form";

export const meta: MetaFunction = () => [{ title: "Add a series — Podium" }, { name: "robots", content: "noindex" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireUser(context.db, request);
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(context.db, request);
  return handleDirectoryForm(request, {
    schema: seriesFormSchema,
    save: (values) => createSeriesFromForm(context.db, { user, values }),
    listPath: "/admin/series",
  });
}

export default function NewSeries() {
  const actionData = useActionData<typeof action>();
  return (
    <section aria-labelledby="new-series-title">
      <h1 id="new-series-title">Add a series</h1>
      <p>Events join a series from their own form.</p>
      <SeriesForm defaultValue={{}} lastResult={actionData?.result} submitLabel="Add series" isNew />
    </section>
  );
}
