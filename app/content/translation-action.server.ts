// The action behind every translation page (event, series, person): which of its two
// forms was sent, validated with the shared schema, saved through translations-admin,
// then back to the same language with a notice; or a 400 with each error by its field.
import { data, redirect } from "@remix-run/node";
import type { Database } from "~db/client.server";
import type { User } from "~db/schema";
import { parseSubmission } from "~/security/form-submission.server";
import type { Translate } from "~/i18n/translator";
import { sourceLocaleFormSchemaIn, translationFormSchemaIn, TRANSLATION_TAB_PARAM } from "./translation-form";
import { changeSourceLocale, saveTranslations, type TranslationScope } from "./translations-admin.server";

export async function handleTranslationAction(db: Database, request: Request, { scope, user, path, t }: { scope: TranslationScope; user: User; path: string; t: Translate }) {
  const formData = await request.formData();
  if (formData.get("intent") === "source-language") {
    const submission = parseSubmission(formData, { schema: sourceLocaleFormSchemaIn(t) });
    if (submission.status !== "success") return data({ form: "source" as const, result: submission.reply() }, { status: 400 });
    const outcome = await changeSourceLocale(db, { scope, locale: submission.value.defaultLocale, user, t });
    if (!outcome.ok) return data({ form: "source" as const, result: submission.reply({ formErrors: [outcome.message] }) }, { status: 409 });
    throw redirect(`${path}?notice=source`);
  }
  const submission = parseSubmission(formData, { schema: translationFormSchemaIn(t) });
  if (submission.status !== "success") return data({ form: "translations" as const, result: submission.reply() }, { status: 400 });
  const outcome = await saveTranslations(db, { scope, values: submission.value, user, t });
  if (!outcome.ok) {
    return data({ form: "translations" as const, result: submission.reply({ formErrors: outcome.formErrors, fieldErrors: outcome.fieldErrors }) }, { status: 400 });
  }
  throw redirect(`${path}?${TRANSLATION_TAB_PARAM}=${encodeURIComponent(outcome.locale)}&notice=${outcome.changed > 0 ? "saved" : "unchanged"}`);
}

/** The sentence a notice in the address stands for. */
export function translationNotice(url: URL, localeName: string, t: Translate): string | null {
  switch (url.searchParams.get("notice")) {
    case "saved":
      return t("translationEditor.notice.saved", { language: localeName });
    case "unchanged":
      return t("translationEditor.notice.unchanged", { language: localeName });
    case "source":
      return t("translationEditor.notice.source");
    default:
      return null;
  }
}

