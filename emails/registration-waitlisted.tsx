import { Text } from "@react-email/components";
import { EmailLayout, EventSummary, styles } from "./layout";
import type { RegistrationEmailProps } from "./types";
export interface RegistrationWaitlistedProps extends RegistrationEmailProps {
  waitlistPosition: number;
}

export function subject(props: RegistrationWaitlistedProps): string {
  return `You are on the waitlist: ${props.event.title}`;
}

export function RegistrationWaitlisted(props: RegistrationWaitlistedProps) {
  const { recipient, event, manageUrl } = props;
  return (
    <EmailLayout preview={subject(props)} heading="You are on the waitlist" eventTitle={event.title} manageUrl={manageUrl}>
      <Text style={styles.text}>Dear {recipient.name},</Text>
      <Text style={styles.text}>
        This event is full, so you are number {props.waitlistPosition} on the waitlist. Seats go to the waitlist in order as
        they free up; if one comes to you, we will email you at once.
      </Text>
      <EventSummary event={event} />
    </EmailLayout>
  );
}
