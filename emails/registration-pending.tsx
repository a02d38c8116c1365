import { Text } from "@react-email/components";
import { EmailLayout, EventSummary, styles } from "./layout";
import { emailTranslator } from "./i18n";
import type { RegistrationEmailProps } from "./types";
export type RegistrationPendingProps = RegistrationEmailProps;

export function subject(props: RegistrationPendingProps): string {
  return emailTranslator(props.locale)("email.pending.subject", { title: props.event.title });
}

export function RegistrationPending(props: RegistrationPendingProps) {
  const { recipient, event, manageUrl } = props;
  const t = emailTranslator(props.locale);
  return (
    <EmailLayout locale={props.locale} preview={subject(props)} heading={t("email.pending.heading")} eventTitle={event.title} manageUrl={manageUrl}>
      <Text style={styles.text}>{t("email.dear", { name: recipient.name })}</Text>
      <Text style={styles.text}>{t("email.pending.body")}</Text>
      <EventSummary event={event} />
    </EmailLayout>
  );
}
