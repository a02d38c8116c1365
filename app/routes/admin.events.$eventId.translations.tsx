import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { requireEventAccess } from "~/auth/event-access.server";
import { TranslationEditor } from "~/components/translation-editor";
import { handleTranslationAction, translationNotice } from "~/content/translation-action.server";
import { TRANSLATION_TAB_PARAM } from "~/content/translation-form";
import { loadTranslationEditor } from "~/content/translations-admin.server";
import { consoleTranslatorFor } from "~/i18n/console-catalogues.server";
import { languageNameFor } from "~/i18n/translator";
import { requestLocale } from "~/i18n/request-locale.server";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { event } = await requireEventAccess(context.db, request, params.eventId);
  const t = consoleTranslatorFor(requestLocale(request));
  const url = new URL(request.url);
  const editor = await loadTranslationEditor(context.db, { kind: "event", eventId: event.id }, url.searchParams.get(TRANSLATION_TAB_PARAM), t);
  if (!editor) throw new Response(t("translationEditor.eventNotFound"), { status: 404 });
  return { editor, basePath: `/admin/events/${event.id}/translations`, notice: translationNotice(url, languageNameFor(t, editor.locale), t) };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, event } = await requireEventAccess(context.db, request, params.eventId);
  const t = consoleTranslatorFor(requestLocale(request));
  return handleTranslationAction(context.db, request, { scope: { kind: "event", eventId: event.id }, user, path: `/admin/events/${event.id}/translations`, t });
}

export default function EventTranslations() {
  const { editor, basePath, notice } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <TranslationEditor
      editor={editor}
      basePath={basePath}
      notice={actionData ? null : notice}
      lastResult={actionData?.form === "translations" ? actionData.result : undefined}
      sourceResult={actionData?.form === "source" ? actionData.result : undefined}
    />
  );
}
