import { Text } from "@react-email/components";
import { EmailLayout, EventSummary, styles } from "./layout";
import type { RegistrationEmailProps } from "./types";
export type RegistrationPendingProps = RegistrationEmailProps;

export function subject(props: RegistrationPendingProps): string {
  return `Registration received: ${props.event.title}`;
}

export function RegistrationPending(props: RegistrationPendingProps) {
  const { recipient, event, manageUrl } = props;
  return (
    <EmailLayout preview={subject(props)} heading="We received your registration" eventTitle={event.title} manageUrl={manageUrl}>
      <Text style={styles.text}>Dear {recipient.name},</Text>
      <Text style={styles.text}>The organizers review each registration for this event. We will email you as soon as they decide.</Text>
      <EventSummary event={event} />
    </EmailLayout>
  );
}
