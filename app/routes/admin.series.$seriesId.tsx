import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/session.server";
import { SeriesForm } from "~/components/series-form";
import { handleDirectoryForm } from "~/events/directory-form-action.server";
import { findSeriesForEdit, seriesFormDefaults, updateSeriesFromForm } from "~/events/series-admin.server";
import { seriesFormSchema } from "~/events/series-form";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.title} — Series — Podium` : "Series not found — Podium" },
  { name: "robots", content: "noindex" },
];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  await requireUser(context.db, request);
  const row = await findSeriesForEdit(context.db, params.seriesId);
  if (!row) throw new Response("No such series.", { status: 404 });
  return { title: row.title, slug: row.slug, defaultValue: seriesFormDefaults(row) };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(context.db, request);
  const row = await findSeriesForEdit(context.db, params.seriesId);
  if (!row) throw new Response("No such series.", { status: 404 });
  return handleDirectoryForm(request, {
    schema: seriesFormSchema,
    save: (values) => updateSeriesFromForm(context.db, { user, seriesId: row.id, values }),
    listPath: "/admin/series",
  });
}

export default function EditSeries() {
  const { title, slug, defaultValue } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <section aria-labelledby="edit-series-title">
      <h1 id="edit-series-title">{title}</h1>
      <p>
        Public page: <Link to={`/series/${slug}`}>/series/{slug}</Link>
      </p>
      <p>
        <Link to="translations">Translations of the title and description</Link>
      </p>
      <SeriesForm defaultValue={defaultValue} lastResult={actionData?.result} submitLabel="Save changes" isNew={false} />
    </section>
  );
}
