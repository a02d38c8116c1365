import { Text } from "@react-email/components";
import { EmailLayout, EventSummary, PrimaryButton, styles } from "./layout";
import { emailTranslator } from "./i18n";
import type { RegistrationEmailProps } from "./types";
export type RegistrationApprovedProps = RegistrationEmailProps;

export function subject(props: RegistrationApprovedProps): string {
  return emailTranslator(props.locale)("email.approved.subject", { title: props.event.title });
}

export function RegistrationApproved(props: RegistrationApprovedProps) {
  const { recipient, event, manageUrl } = props;
  const t = emailTranslator(props.locale);
  return (
    <EmailLayout locale={props.locale} preview={subject(props)} heading={t("email.approved.heading")} eventTitle={event.title} manageUrl={manageUrl}>
      <Text style={styles.text}>{t("email.dear", { name: recipient.name })}</Text>
      <Text style={styles.text}>{t("email.approved.body")}</Text>
      <EventSummary event={event} />
      {props.joinUrl ? <PrimaryButton href={props.joinUrl}>{t("email.joinWebinar")}</PrimaryButton> : null}
    </EmailLayout>
  );
}
