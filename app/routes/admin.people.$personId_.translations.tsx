import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { requireUser } from "~/auth/session.server";
import { TranslationEditor } from "~/components/translation-editor";
import { handleTranslationAction, translationNotice } from "~/content/translation-action.server";
import { TRANSLATION_TAB_PARAM } from "~/content/translation-form";
import { loadTranslationEditor } from "~/content/translations-admin.server";
import { personDisplayName } from "~/events/labels";
import { consoleTranslatorFor } from "~/i18n/console-catalogues.server";
import { requestLocale } from "~/i18n/request-locale.server";
import { CONSOLE_NAMESPACE, languageNameFor } from "~/i18n/translator";
import { findPersonWithAccess } from "~/people/people-admin.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.metaTitle ?? "Podium" }, { name: "robots", content: "noindex" }];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireUser(context.db, request);
  const t = consoleTranslatorFor(requestLocale(request));
  const found = await findPersonWithAccess(context.db, user, params.personId);
  if (!found) throw new Response(t("person.notFound"), { status: 404 });
  const url = new URL(request.url);
  const editor = (await loadTranslationEditor(context.db, { kind: "person", personId: found.person.id }, url.searchParams.get(TRANSLATION_TAB_PARAM), t))!;
  const displayName = personDisplayName(found.person);
  return {
    id: found.person.id,
    displayName,
    metaTitle: t("person.translationsMetaTitle", { name: displayName }),
    refusal: found.canEdit ? null : t("person.notYours"),
    editor,
    notice: translationNotice(url, languageNameFor(t, editor.locale), t),
  };
}

// The same rule as the person's details: only organizers of every event they appear on, or an admin (decision 015).
export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(context.db, request);
  const t = consoleTranslatorFor(requestLocale(request));
  const found = await findPersonWithAccess(context.db, user, params.personId);
  if (!found) throw new Response(t("person.notFound"), { status: 404 });
  if (!found.canEdit) throw new Response(t("person.notYours"), { status: 403 });
  return handleTranslationAction(context.db, request, { scope: { kind: "person", personId: found.person.id }, user, path: `/admin/people/${found.person.id}/translations`, t });
}

export default function PersonTranslations() {
  const { id, displayName, refusal, editor, notice } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation(CONSOLE_NAMESPACE);
  return (
    <>
      <h1>{displayName}</h1>
      <p>
        <Link to={`/admin/people/${id}`}>{t("person.backToDetails")}</Link>
        {t("person.translationsIntro")}
      </p>
      {refusal ? (
        <p className="notice notice--warning" role="status">
          {refusal}
        </p>
      ) : (
        <TranslationEditor
          editor={editor}
          basePath={`/admin/people/${id}/translations`}
          notice={actionData ? null : notice}
          lastResult={actionData?.form === "translations" ? actionData.result : undefined}
          sourceResult={actionData?.form === "source" ? actionData.result : undefined}
        />
      )}
    </>
  );
}
