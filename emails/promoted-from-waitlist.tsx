import { Text } from "@react-email/components";
import { EmailLayout, EventSummary, PrimaryButton, styles } from "./layout";
import { emailTranslator } from "./i18n";
import type { RegistrationEmailProps } from "./types";
export interface PromotedFromWaitlistProps extends RegistrationEmailProps {
  /** Why the seat came: someone left, the organizers added seats, or they chose this person by hand. */
  seatCameFrom?: "freed" | "added" | "organizer";
}


export function subject(props: PromotedFromWaitlistProps): string {
  return emailTranslator(props.locale)("email.promoted.subject", { title: props.event.title });
}

export function PromotedFromWaitlist(props: PromotedFromWaitlistProps) {
  const { recipient, event, manageUrl } = props;
  const t = emailTranslator(props.locale);
  return (
    <EmailLayout locale={props.locale} preview={subject(props)} heading={t("email.promoted.heading")} eventTitle={event.title} manageUrl={manageUrl}>
      <Text style={styles.text}>{t("email.dear", { name: recipient.name })}</Text>
      <Text style={styles.text}>
        {t(props.seatCameFrom ? `email.promoted.${props.seatCameFrom}` : "email.promoted.any")}
        {props.locale === "zh-Hant" ? "" : " "}
        {t("email.promoted.confirmed")}
      </Text>
      <EventSummary event={event} />
      {props.joinUrl ? <PrimaryButton href={props.joinUrl}>{t("email.joinWebinar")}</PrimaryButton> : null}
    </EmailLayout>
  );
}
