import { Link, Text } from "@react-email/components";
import { emailTranslator } from "./i18n";
import { EmailLayout, styles } from "./layout";
import type { EmailRecipient } from "./types";

export interface SpeakerChangesProps {
  recipient: EmailRecipient;
  event: { title: string; consoleUrl: string };
  /** "14:02 CET — Prof. Danica KRAGIC confirmed", newest last. */
  changes: { at: string; who: string; summary: string }[];
  /**
   * The organizer's language (users.locale, the one they use the console in), else the
   * event's default language. Digests queued before it was recorded read English.
   */
  locale?: string;
}

export function subject(props: SpeakerChangesProps): string {
  return emailTranslator(props.locale)("email.speakerChanges.subject", { count: props.changes.length, title: props.event.title });
}

export function SpeakerChanges(props: SpeakerChangesProps) {
  const { recipient, event, changes, locale } = props;
  const t = emailTranslator(locale);
  return (
    <EmailLayout locale={locale} preview={subject(props)} heading={t("email.speakerChanges.heading")} eventTitle={event.title}>
      <Text style={styles.text}>{t("email.dear", { name: recipient.name })}</Text>
      <Text style={styles.text}>{t("email.speakerChanges.body", { title: event.title })}</Text>
      {changes.map((change, index) => (
        <Text key={index} style={styles.text}>
          {change.at} — {change.who}: {change.summary}
        </Text>
      ))}
      <Text style={styles.text}>
        {t("email.speakerChanges.seeConsole")}{" "}
        <Link href={event.consoleUrl} style={styles.link}>
          {event.consoleUrl}
        </Link>
      </Text>
    </EmailLayout>
  );
}
