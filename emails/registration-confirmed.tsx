import { Link, Text } from "@react-email/components";
import { emailTranslator } from "./i18n";
import { EmailLayout, EventSummary, PrimaryButton, styles } from "./layout";
import type { RegistrationEmailProps } from "./types";
export type RegistrationConfirmedProps = RegistrationEmailProps;

export function subject(props: RegistrationConfirmedProps): string {
  return emailTranslator(props.locale)("email.confirmed.subject", { title: props.event.title });
}

export function RegistrationConfirmed(props: RegistrationConfirmedProps) {
  const { recipient, event, manageUrl } = props;
  const t = emailTranslator(props.locale);
  return (
    <EmailLayout locale={props.locale} preview={subject(props)} heading={t("email.confirmed.heading")} eventTitle={event.title} manageUrl={manageUrl}>
      <Text style={styles.text}>{t("email.dear", { name: recipient.name })}</Text>
      <Text style={styles.text}>{t("email.confirmed.body")}</Text>
      <EventSummary event={event} />
      {props.joinUrl ? (
        <>
          <Text style={styles.text}>{t("email.confirmed.joinNote")}</Text>
          <PrimaryButton href={props.joinUrl}>{t("email.joinWebinar")}</PrimaryButton>
        </>
      ) : null}
      <Link href={event.url} style={styles.link}>
        {t("email.eventPage")}
      </Link>
    </EmailLayout>
  );
}
