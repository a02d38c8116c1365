import { Link, Text } from "@react-email/components";
import { EmailLayout, styles } from "./layout";
import type { EmailRecipient } from "./types";

export interface SpeakerChangesProps {
  recipient: EmailRecipient;
  event: { title: string; consoleUrl: string };
  /** "14:02 CET — Prof. Danica KRAGIC confirmed", newest last. */
  changes: { at: string; who: string; summary: string }[];
}

export function subject(props: SpeakerChangesProps): string {
  const count = props.changes.length;
  return `Speakers updated ${count === 1 ? "1 detail" : `${count} details`}: ${props.event.title}`;
}

export function SpeakerChanges(props: SpeakerChangesProps) {
  const { recipient, event, changes } = props;
  return (
    <EmailLayout preview={subject(props)} heading="Speakers changed their details" eventTitle={event.title}>
      <Text style={styles.text}>Dear {recipient.name},</Text>
      <Text style={styles.text}>Speakers of “{event.title}” made these changes through their private pages:</Text>
      {changes.map((change, index) => (
        <Text key={index} style={styles.text}>
          {change.at} — {change.who}: {change.summary}
        </Text>
      ))}
      <Text style={styles.text}>
        The public page already shows them. See the agenda and the audit log:{" "}
        <Link href={event.consoleUrl} style={styles.link}>
          {event.consoleUrl}
        </Link>
      </Text>
    </EmailLayout>
  );
}
