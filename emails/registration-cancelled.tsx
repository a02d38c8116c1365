import { Text } from "@react-email/components";
import { EmailLayout, EventSummary, styles } from "./layout";
import { emailTranslator } from "./i18n";
import type { RegistrationEmailProps } from "./types";

// Each sentence is said only when it happened (issue 11): an email that claims a
// seat went to the waitlist when nobody waited, or points at an attachment that
// is not there, teaches people to distrust the rest.
export interface RegistrationCancelledProps extends RegistrationEmailProps {
  /** Who cancelled: the registrant themselves, or an organizer on their behalf. Unknown in rows queued before this prop existed. */
  cancelledBy?: "registrant" | "organizer";
  /** True only when the freed seat went to the first person waiting. */
  seatPassedOn?: boolean;
  /** True when a METHOD:CANCEL update is attached (they had a calendar entry). */
  calendarUpdate?: boolean;
}

export function subject(props: RegistrationCancelledProps): string {
  return emailTranslator(props.locale)("email.cancelled.subject", { title: props.event.title });
}

export function cancellationSentences(props: Pick<RegistrationCancelledProps, "cancelledBy" | "seatPassedOn" | "calendarUpdate" | "locale">): string[] {
  const t = emailTranslator(props.locale);
  const sentences = [
    props.cancelledBy === "registrant"
      ? t("email.cancelled.byRegistrant")
      : props.cancelledBy === "organizer"
        ? t("email.cancelled.byOrganizer")
        : t("email.cancelled.plain"),
  ];
  if (props.seatPassedOn) sentences.push(t("email.cancelled.seatPassedOn"));
  if (props.calendarUpdate) sentences.push(t("email.cancelled.calendarUpdate"));
  return sentences;
}

export function RegistrationCancelled(props: RegistrationCancelledProps) {
  const { recipient, event, manageUrl } = props;
  const t = emailTranslator(props.locale);
  return (
    <EmailLayout locale={props.locale} preview={subject(props)} heading={t("email.cancelled.heading")} eventTitle={event.title} manageUrl={manageUrl}>
      <Text style={styles.text}>{t("email.dear", { name: recipient.name })}</Text>
      <Text style={styles.text}>{cancellationSentences(props).join(props.locale === "zh-Hant" ? "" : " ")}</Text>
      <EventSummary event={event} />
    </EmailLayout>
  );
}
