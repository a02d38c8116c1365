import { createContext, useContext, useEffect, useState } from "react";
import { useTranslation } from "~/i18n/use-translation";

// The zone suggestions (300-odd cities and zones) are rendered once, into the
// page's HTML, from the server's catalogue (entry.server provides them). They
// are never part of loader data: on hydration the browser reads them back from
// the page, and a page reached by client-side navigation fetches them once
// from /time-zones. Without JavaScript the field is plain text the server reads.
const ChoicesHtmlContext = createContext<string | null>(null);
export const TimeZoneChoicesProvider = ChoicesHtmlContext.Provider;

export const TIME_ZONE_CHOICES_ID = "time-zone-choices";
let choicesSeenInBrowser: string | null = null;

function choicesAlreadyOnPage(): string {
  if (typeof document === "undefined") return "";
  return document.getElementById(TIME_ZONE_CHOICES_ID)?.innerHTML ?? "";
}

function TimeZoneChoices() {
  const fromServer = useContext(ChoicesHtmlContext);
  const [html, setHtml] = useState(() => fromServer ?? choicesSeenInBrowser ?? choicesAlreadyOnPage());
  useEffect(() => {
    if (html) {
      choicesSeenInBrowser = html;
      return;
    }
    let current = true;
    fetch("/time-zones")
      .then((response) => (response.ok ? response.text() : ""))
      .then((fetched) => {
        if (current && fetched) setHtml(fetched);
      })
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, [html]);
  return <datalist id={TIME_ZONE_CHOICES_ID} dangerouslySetInnerHTML={{ __html: html }} suppressHydrationWarning />;
}

/**
 * "Your time zone": a text field with city suggestions. Prefilled only with a
 * zone the visitor's browser reported or they chose, and then it says so;
 * otherwise empty and required, so nobody gets the event's zone by accident.
 */
export function TimeZoneField({
  id,
  name,
  label,
  defaultValue,
  prefillNote,
  prefilled = defaultValue !== "",
  errorId,
  errors,
}: {
  id: string;
  name: string;
  label?: string;
  defaultValue: string;
  /** Where a prefilled zone came from ("Your browser's time zone…"). */
  prefillNote: string;
  /** False when the value is what the person typed last time, not a zone we suggested. */
  prefilled?: boolean;
  errorId?: string;
  errors?: string[];
}) {
  const { t } = useTranslation();
  const hintId = `${id}-hint`;
  const invalid = Boolean(errors?.length);
  return (
    <div className="field">
      <label htmlFor={id}>{label ?? t("zone.label")}</label>
      <input
        id={id}
        name={name}
        type="text"
        list={TIME_ZONE_CHOICES_ID}
        defaultValue={defaultValue}
        required
        maxLength={100}
        autoComplete="off"
        spellCheck={false}
        aria-invalid={invalid || undefined}
        aria-describedby={[hintId, invalid ? errorId : null].filter(Boolean).join(" ")}
      />
      <p className="field__hint" id={hintId}>
        {prefilled ? prefillNote : t("zone.hint")}
      </p>
      {invalid ? (
        <p className="field-error" id={errorId}>
          {errors!.join(" ")}
        </p>
      ) : null}
      <TimeZoneChoices />
    </div>
  );
}
