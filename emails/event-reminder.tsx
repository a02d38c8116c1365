import { Text } from "@react-email/components";
import { EmailLayout, EventSummary, PrimaryButton, styles } from "./layout";
import type { RegistrationEmailProps } from "./types";
export interface EventReminderProps extends RegistrationEmailProps {
  /** "in 24 hours", "in 1 hour" */
  leadTimeLabel: string;
  unsubscribeUrl?: string;
}

export function subject(props: EventReminderProps): string {
  return `Starts ${props.leadTimeLabel}: ${props.event.title}`;
}

export function EventReminder(props: EventReminderProps) {
  const { recipient, event, manageUrl } = props;
  return (
    <EmailLayout preview={subject(props)} heading="Starting soon" eventTitle={event.title} manageUrl={manageUrl} unsubscribeUrl={props.unsubscribeUrl}>
      <Text style={styles.text}>Dear {recipient.name},</Text>
      <Text style={styles.text}>A reminder: “{event.title}” starts {props.leadTimeLabel}.</Text>
      <EventSummary event={event} />
      {props.joinUrl ? <PrimaryButton href={props.joinUrl}>Join the webinar</PrimaryButton> : null}
    </EmailLayout>
  );
}
