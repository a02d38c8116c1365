import { Link, Text } from "@react-email/components";
import { EmailLayout, EventSummary, styles } from "./layout";
import type { RegistrationEmailProps } from "./types";
export interface RecordingAvailableProps extends RegistrationEmailProps {
  recordings: { label: string; url: string }[];
  unsubscribeUrl?: string;
}

export function subject(props: RecordingAvailableProps): string {
  return `Recording available: ${props.event.title}`;
}

export function RecordingAvailable(props: RecordingAvailableProps) {
  const { recipient, event, manageUrl } = props;
  return (
    <EmailLayout preview={subject(props)} heading="The recording is available" eventTitle={event.title} manageUrl={manageUrl} unsubscribeUrl={props.unsubscribeUrl}>
      <Text style={styles.text}>Dear {recipient.name},</Text>
      <Text style={styles.text}>The recording of “{event.title}” is now available:</Text>
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
