import { Text } from "@react-email/components";
import { EmailLayout, EventSummary, styles } from "./layout";
import type { RegistrationEmailProps } from "./types";
export type EventCancelledProps = RegistrationEmailProps;

export function subject(props: EventCancelledProps): string {
  return `Cancelled: ${props.event.title}`;
}

export function EventCancelled(props: EventCancelledProps) {
  const { recipient, event, manageUrl } = props;
  return (
    <EmailLayout preview={subject(props)} heading="The event is cancelled" eventTitle={event.title} manageUrl={manageUrl}>
      <Text style={styles.text}>Dear {recipient.name},</Text>
      <Text style={styles.text}>We are sorry: the organizers have cancelled this event. The attached update removes it from your calendar.</Text>
      <EventSummary event={event} />
    </EmailLayout>
  );
}
