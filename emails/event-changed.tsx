import { Text } from "@react-email/components";
import { EmailLayout, EventSummary, PrimaryButton, styles } from "./layout";
import { emailTranslator } from "./i18n";
import type { RegistrationEmailProps } from "./types";
export interface EventChangedProps extends RegistrationEmailProps {
  changes: { field: string; before: string; after: string }[];
}

export function subject(props: EventChangedProps): string {
  return emailTranslator(props.locale)("email.changed.subject", { title: props.event.title });
}

export function EventChanged(props: EventChangedProps) {
  const { recipient, event, manageUrl } = props;
  const t = emailTranslator(props.locale);
  return (
    <EmailLayout locale={props.locale} preview={subject(props)} heading={t("email.changed.heading")} eventTitle={event.title} manageUrl={manageUrl}>
      <Text style={styles.text}>{t("email.dear", { name: recipient.name })}</Text>
      <Text style={styles.text}>{t("email.changed.body")}</Text>
      {props.changes.map((change) => (
        <Text key={change.field} style={styles.text}>
          <strong>{change.field}</strong>: {change.after} <span style={styles.muted}>{t("email.changed.was", { before: change.before })}</span>
        </Text>
      ))}
      <EventSummary event={event} />
      {props.joinUrl ? <PrimaryButton href={props.joinUrl}>{t("email.joinWebinar")}</PrimaryButton> : null}
    </EmailLayout>
  );
}
