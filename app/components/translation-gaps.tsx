// On the event overview: which fields each language still lacks, so an organizer
// sees at a glance what Swedish or Chinese readers will get in the source language.
import { Link } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { TRANSLATION_TAB_PARAM } from "~/content/translation-form";
import type { TranslationGap } from "~/content/translations-admin.server";
import { languageNameIn, type Locale } from "~/i18n/locales";
import { CONSOLE_NAMESPACE } from "~/i18n/translator";

export function TranslationGaps({ sourceLocale, gaps, editPath }: { sourceLocale: Locale; gaps: TranslationGap[]; editPath: string }) {
  const { t, i18n } = useTranslation(CONSOLE_NAMESPACE);
  return (
    <section className="panel" aria-labelledby="translation-gaps-title">
      <h3 id="translation-gaps-title">{t("translationGaps.title")}</h3>
      <p>{t("translationGaps.writtenIn", { source: languageNameIn(i18n.language, sourceLocale) })}</p>
      <ul className="translation-gaps">
        {gaps.map((gap) => (
          <li key={gap.locale}>
            <Link to={`${editPath}?${TRANSLATION_TAB_PARAM}=${gap.locale}`} lang={gap.locale}>
              {gap.name}
            </Link>{" "}
            {gap.fields.length === 0 ? (
              <span className="translation-badge">{t("translationGaps.complete")}</span>
            ) : (
              <>
                <span className="translation-badge translation-badge--missing">{t("translationGaps.missing", { count: gap.fields.length })}</span>
                <ul className="translation-gaps__fields" aria-label={t("translationGaps.missingIn", { language: languageNameIn(i18n.language, gap.locale) })}>
                  {gap.fields.map((field) => (
                    <li key={field}>{field}</li>
                  ))}
                </ul>
              </>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
