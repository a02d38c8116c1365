import { Link, Text } from "@react-email/components";
import { EmailLayout, EventSummary, styles } from "./layout";
import { emailTranslator } from "./i18n";
import type { RegistrationEmailProps } from "./types";
export interface RecordingAvailableProps extends RegistrationEmailProps {
  recordings: { label: string; url: string }[];
  unsubscribeUrl?: string;
}

export function subject(props: RecordingAvailableProps): string {
  return emailTranslator(props.locale)("email.recording.subject", { title: props.event.title });
}

export function RecordingAvailable(props: RecordingAvailableProps) {
  const { recipient, event, manageUrl } = props;
  const t = emailTranslator(props.locale);
  return (
    <EmailLayout locale={props.locale} preview={subject(props)} heading={t("email.recording.heading")} eventTitle={event.title} manageUrl={manageUrl} unsubscribeUrl={props.unsubscribeUrl}>
      <Text style={styles.text}>{t("email.dear", { name: recipient.name })}</Text>
      <Text style={styles.text}>{t("email.recording.body", { title: event.title })}</Text>
      {props.recordings.map((recording) => (
        <Text key={recording.url} style={styles.text}>
          <Link href={recording.url} style={styles.link}>
            {recording.label}
          </Link>
        </Text>
      ))}
      <EventSummary event={event} />
    </EmailLayout>
  );
}
