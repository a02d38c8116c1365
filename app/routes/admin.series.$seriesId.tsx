import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { requireUser } from "~/auth/session.server";
import { SeriesForm } from "~/components/series-form";
import { handleDirectoryForm } from "~/events/directory-form-action.server";
import { findSeriesForEdit, seriesFormDefaults, updateSeriesFromForm } from "~/events/series-admin.server";
import { seriesFormSchemaIn } from "~/events/series-form";
import { consoleTranslatorFor } from "~/i18n/console-catalogues.server";
import { requestLocale } from "~/i18n/request-locale.server";
import { CONSOLE_NAMESPACE } from "~/i18n/translator";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.metaTitle ?? "Podium" }, { name: "robots", content: "noindex" }];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  await requireUser(context.db, request);
  const t = consoleTranslatorFor(requestLocale(request));
  const row = await findSeriesForEdit(context.db, params.seriesId);
  if (!row) throw new Response(t("seriesPage.notFound"), { status: 404 });
  return { title: row.title, slug: row.slug, defaultValue: seriesFormDefaults(row), metaTitle: t("seriesPage.metaTitle", { title: row.title }) };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(context.db, request);
  const t = consoleTranslatorFor(requestLocale(request));
  const row = await findSeriesForEdit(context.db, params.seriesId);
  if (!row) throw new Response(t("seriesPage.notFound"), { status: 404 });
  return handleDirectoryForm(request, {
    schema: seriesFormSchemaIn(t),
    save: (values) => updateSeriesFromForm(context.db, { user, seriesId: row.id, values, t }),
    listPath: "/admin/series",
  });
}

export default function EditSeries() {
  const { title, slug, defaultValue } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation(CONSOLE_NAMESPACE);
  return (
    <section aria-labelledby="edit-series-title">
      <h1 id="edit-series-title">{title}</h1>
      <p>
        {t("seriesPage.publicPage")} <Link to={`/series/${slug}`}>/series/{slug}</Link>
      </p>
      <p>
        <Link to="translations">{t("seriesPage.translationsLink")}</Link>
      </p>
      <SeriesForm defaultValue={defaultValue} lastResult={actionData?.result} submitLabel={t("directory.saveChanges")} isNew={false} />
    </section>
  );
}
