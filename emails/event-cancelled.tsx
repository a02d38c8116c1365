import { Text } from "@react-email/components";
import { EmailLayout, EventSummary, styles } from "./layout";
import { emailTranslator } from "./i18n";
import type { RegistrationEmailProps } from "./types";
export interface EventCancelledProps extends RegistrationEmailProps {
  /** True when a METHOD:CANCEL update is attached: only confirmed registrants had the event in their calendar. */
  calendarUpdate?: boolean;
}

export function subject(props: EventCancelledProps): string {
  return emailTranslator(props.locale)("email.eventCancelled.subject", { title: props.event.title });
}

export function EventCancelled(props: EventCancelledProps) {
  const { recipient, event, manageUrl } = props;
  const t = emailTranslator(props.locale);
  return (
    <EmailLayout locale={props.locale} preview={subject(props)} heading={t("email.eventCancelled.heading")} eventTitle={event.title} manageUrl={manageUrl}>
      <Text style={styles.text}>{t("email.dear", { name: recipient.name })}</Text>
      <Text style={styles.text}>
        {t("email.eventCancelled.body")}
        {props.calendarUpdate ? `${props.locale === "zh-Hant" ? "" : " "}${t("email.eventCancelled.calendarUpdate")}` : ""}
      </Text>
      <EventSummary event={event} />
    </EmailLayout>
  );
}
