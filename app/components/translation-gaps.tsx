// On the event overview: which fields each language still lacks, so an organizer
// sees at a glance what Swedish or Chinese readers will get in the source language.
import { Link } from "@remix-run/react";
import type { TranslationGap } from "~/content/translations-admin.server";
import { LOCALE_NAMES, type Locale } from "~/i18n/locales";

export function TranslationGaps({ sourceLocale, gaps, editPath }: { sourceLocale: Locale; gaps: TranslationGap[]; editPath: string }) {
  return (
    <section className="panel" aria-labelledby="translation-gaps-title">
      <h3 id="translation-gaps-title">Translations</h3>
      <p>Written in {LOCALE_NAMES[sourceLocale]}. Fields without a translation are shown to readers in {LOCALE_NAMES[sourceLocale]}.</p>
      <ul className="translation-gaps">
        {gaps.map((gap) => (
          <li key={gap.locale}>
            <Link to={`${editPath}?lang=${gap.locale}`} lang={gap.locale}>
              {gap.name}
            </Link>{" "}
            {gap.fields.length === 0 ? (
              <span className="translation-badge">complete</span>
            ) : (
              <>
                <span className="translation-badge translation-badge--missing">{gap.fields.length} missing</span>
                <ul className="translation-gaps__fields" aria-label={`Missing in ${gap.name}`}>
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
