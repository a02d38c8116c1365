import { Text } from "@react-email/components";
import { EmailLayout, EventSummary, styles } from "./layout";
import { emailTranslator } from "./i18n";
import type { RegistrationEmailProps } from "./types";
export type RegistrationDeclinedProps = RegistrationEmailProps;

export function subject(props: RegistrationDeclinedProps): string {
  return emailTranslator(props.locale)("email.declined.subject", { title: props.event.title });
}

export function RegistrationDeclined(props: RegistrationDeclinedProps) {
  const { recipient, event, manageUrl } = props;
  const t = emailTranslator(props.locale);
  return (
    <EmailLayout locale={props.locale} preview={subject(props)} heading={t("email.declined.heading")} eventTitle={event.title} manageUrl={manageUrl}>
      <Text style={styles.text}>{t("email.dear", { name: recipient.name })}</Text>
      <Text style={styles.text}>{t("email.declined.body")}</Text>
      <EventSummary event={event} />
    </EmailLayout>
  );
}
