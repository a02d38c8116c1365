import { Text } from "@react-email/components";
import { EmailLayout, EventSummary, PrimaryButton, styles } from "./layout";
import { emailTranslator } from "./i18n";
import type { RegistrationEmailProps } from "./types";

export interface OrganizerMessageProps extends RegistrationEmailProps {
  /** The organizer's own subject line, shown after the event's title. */
  subjectLine: string;
  /** Plain text as the organizer typed it; blank lines separate paragraphs. */
  body: string;
  /** "Programme Chair": who wrote it, as the console knows them. */
  senderName: string;
}

export function subject(props: OrganizerMessageProps): string {
  return `${props.subjectLine} — ${props.event.title}`;
}

/** The organizer's words are text, never markup: React escapes them in HTML, and paragraphs come from blank lines. */
export function paragraphsOf(body: string): string[] {
  return body
    .replace(/\r\n?/g, "\n")
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
}

export function OrganizerMessage(props: OrganizerMessageProps) {
  const { recipient, event, manageUrl } = props;
  const t = emailTranslator(props.locale);
  return (
    <EmailLayout locale={props.locale} preview={subject(props)} heading={props.subjectLine} eventTitle={event.title} manageUrl={manageUrl}>
      <Text style={styles.text}>{t("email.dear", { name: recipient.name })}</Text>
      {paragraphsOf(props.body).map((paragraph, index) => (
        <Text key={index} style={{ ...styles.text, whiteSpace: "pre-line" }}>
          {paragraph}
        </Text>
      ))}
      <Text style={styles.muted}>{t("email.organizerMessage.signature", { sender: props.senderName })}</Text>
      <EventSummary event={event} />
      {props.joinUrl ? <PrimaryButton href={props.joinUrl}>{t("email.joinWebinar")}</PrimaryButton> : null}
    </EmailLayout>
  );
}
