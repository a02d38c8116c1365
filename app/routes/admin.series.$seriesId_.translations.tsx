import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { requireUser } from "~/auth/session.server";
import { TranslationEditor } from "~/components/translation-editor";
import { handleTranslationAction, translationNotice } from "~/content/translation-action.server";
import { TRANSLATION_TAB_PARAM } from "~/content/translation-form";
import { loadTranslationEditor } from "~/content/translations-admin.server";
import { findSeriesForEdit } from "~/events/series-admin.server";
import { consoleTranslatorFor } from "~/i18n/console-catalogues.server";
import { requestLocale } from "~/i18n/request-locale.server";
import { CONSOLE_NAMESPACE, languageNameFor } from "~/i18n/translator";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.metaTitle ?? "Podium" }, { name: "robots", content: "noindex" }];

// Series are shared by every organizer, like their details form (admin.series.$seriesId).
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  await requireUser(context.db, request);
  const t = consoleTranslatorFor(requestLocale(request));
  const row = await findSeriesForEdit(context.db, params.seriesId);
  if (!row) throw new Response(t("seriesPage.notFound"), { status: 404 });
  const url = new URL(request.url);
  const editor = (await loadTranslationEditor(context.db, { kind: "series", seriesId: row.id }, url.searchParams.get(TRANSLATION_TAB_PARAM), t))!;
  return {
    title: row.title,
    id: row.id,
    editor,
    notice: translationNotice(url, languageNameFor(t, editor.locale), t),
    metaTitle: t("seriesPage.translationsMetaTitle", { title: row.title }),
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(context.db, request);
  const t = consoleTranslatorFor(requestLocale(request));
  const row = await findSeriesForEdit(context.db, params.seriesId);
  if (!row) throw new Response(t("seriesPage.notFound"), { status: 404 });
  return handleTranslationAction(context.db, request, { scope: { kind: "series", seriesId: row.id }, user, path: `/admin/series/${row.id}/translations`, t });
}

export default function SeriesTranslations() {
  const { title, id, editor, notice } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation(CONSOLE_NAMESPACE);
  return (
    <>
      <h1>{title}</h1>
      <p>
        <Link to={`/admin/series/${id}`}>{t("seriesPage.backToDetails")}</Link>
      </p>
      <TranslationEditor
        editor={editor}
        basePath={`/admin/series/${id}/translations`}
        notice={actionData ? null : notice}
        lastResult={actionData?.form === "translations" ? actionData.result : undefined}
        sourceResult={actionData?.form === "source" ? actionData.result : undefined}
      />
    </>
  );
}
