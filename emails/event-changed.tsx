import { Text } from "@react-email/components";
import { EmailLayout, EventSummary, PrimaryButton, styles } from "./layout";
import type { RegistrationEmailProps } from "./types";
export interface EventChangedProps extends RegistrationEmailProps {
  changes: { field: string; before: string; after: string }[];
}

export function subject(props: EventChangedProps): string {
  return `Updated: ${props.event.title}`;
}

export function EventChanged(props: EventChangedProps) {
  const { recipient, event, manageUrl } = props;
  return (
    <EmailLayout preview={subject(props)} heading="The event has changed" eventTitle={event.title} manageUrl={manageUrl}>
      <Text style={styles.text}>Dear {recipient.name},</Text>
      <Text style={styles.text}>The organizers changed this event. Here is what is new:</Text>
      {props.changes.map((change) => (
        <Text key={change.field} style={styles.text}>
          <strong>{change.field}</strong>: {change.after} <span style={styles.muted}>(was: {change.before})</span>
        </Text>
      ))}
      <EventSummary event={event} />
      {props.joinUrl ? <PrimaryButton href={props.joinUrl}>Join the webinar</PrimaryButton> : null}
    </EmailLayout>
  );
}
