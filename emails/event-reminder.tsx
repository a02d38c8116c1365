import { Text } from "@react-email/components";
import { EmailLayout, EventSummary, PrimaryButton, styles } from "./layout";
import { emailTranslator } from "./i18n";
import type { RegistrationEmailProps } from "./types";
export interface EventReminderProps extends RegistrationEmailProps {
  /** "in 24 hours", "in 1 hour" */
  leadTimeLabel: string;
  unsubscribeUrl?: string;
}

export function subject(props: EventReminderProps): string {
  return emailTranslator(props.locale)("email.reminder.subject", { lead: props.leadTimeLabel, title: props.event.title });
}

export function EventReminder(props: EventReminderProps) {
  const { recipient, event, manageUrl } = props;
  const t = emailTranslator(props.locale);
  return (
    <EmailLayout locale={props.locale} preview={subject(props)} heading={t("email.reminder.heading")} eventTitle={event.title} manageUrl={manageUrl} unsubscribeUrl={props.unsubscribeUrl}>
      <Text style={styles.text}>{t("email.dear", { name: recipient.name })}</Text>
      <Text style={styles.text}>{t("email.reminder.body", { title: event.title, lead: props.leadTimeLabel })}</Text>
      <EventSummary event={event} />
      {props.joinUrl ? <PrimaryButton href={props.joinUrl}>{t("email.joinWebinar")}</PrimaryButton> : null}
    </EmailLayout>
  );
}
