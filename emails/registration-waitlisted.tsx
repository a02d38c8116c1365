import { Text } from "@react-email/components";
import { EmailLayout, EventSummary, styles } from "./layout";
import { emailTranslator } from "./i18n";
import type { RegistrationEmailProps } from "./types";
export interface RegistrationWaitlistedProps extends RegistrationEmailProps {
  waitlistPosition: number;
}

export function subject(props: RegistrationWaitlistedProps): string {
  return emailTranslator(props.locale)("email.waitlisted.subject", { title: props.event.title });
}

export function RegistrationWaitlisted(props: RegistrationWaitlistedProps) {
  const { recipient, event, manageUrl } = props;
  const t = emailTranslator(props.locale);
  return (
    <EmailLayout locale={props.locale} preview={subject(props)} heading={t("email.waitlisted.heading")} eventTitle={event.title} manageUrl={manageUrl}>
      <Text style={styles.text}>{t("email.dear", { name: recipient.name })}</Text>
      <Text style={styles.text}>
        {t("email.waitlisted.body", { position: props.waitlistPosition })}
      </Text>
      <EventSummary event={event} />
    </EmailLayout>
  );
}
