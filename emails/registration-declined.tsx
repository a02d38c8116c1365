import { Text } from "@react-email/components";
import { EmailLayout, EventSummary, styles } from "./layout";
import type { RegistrationEmailProps } from "./types";
export type RegistrationDeclinedProps = RegistrationEmailProps;

export function subject(props: RegistrationDeclinedProps): string {
  return `Registration not approved: ${props.event.title}`;
}

export function RegistrationDeclined(props: RegistrationDeclinedProps) {
  const { recipient, event, manageUrl } = props;
  return (
    <EmailLayout preview={subject(props)} heading="We could not offer you a seat" eventTitle={event.title} manageUrl={manageUrl}>
      <Text style={styles.text}>Dear {recipient.name},</Text>
      <Text style={styles.text}>The organizers could not approve your registration for this event. Thank you for your interest.</Text>
      <EventSummary event={event} />
    </EmailLayout>
  );
}
