import { Text } from "@react-email/components";
import { EmailLayout, EventSummary, styles } from "./layout";
import type { RegistrationEmailProps } from "./types";
export type RegistrationCancelledProps = RegistrationEmailProps;

export function subject(props: RegistrationCancelledProps): string {
  return `Registration cancelled: ${props.event.title}`;
}

export function RegistrationCancelled(props: RegistrationCancelledProps) {
  const { recipient, event, manageUrl } = props;
  return (
    <EmailLayout preview={subject(props)} heading="Your registration is cancelled" eventTitle={event.title} manageUrl={manageUrl}>
      <Text style={styles.text}>Dear {recipient.name},</Text>
      <Text style={styles.text}>As you asked, your registration is cancelled and your seat has gone to someone on the waitlist. The attached update removes the event from your calendar.</Text>
      <EventSummary event={event} />
    </EmailLayout>
  );
}
