import { Text } from "@react-email/components";
import { EmailLayout, EventSummary, PrimaryButton, styles } from "./layout";
import type { RegistrationEmailProps } from "./types";
export type RegistrationApprovedProps = RegistrationEmailProps;

export function subject(props: RegistrationApprovedProps): string {
  return `Approved: ${props.event.title}`;
}

export function RegistrationApproved(props: RegistrationApprovedProps) {
  const { recipient, event, manageUrl } = props;
  return (
    <EmailLayout preview={subject(props)} heading="Your registration is approved" eventTitle={event.title} manageUrl={manageUrl}>
      <Text style={styles.text}>Dear {recipient.name},</Text>
      <Text style={styles.text}>The organizers approved your registration. The calendar invite is attached.</Text>
      <EventSummary event={event} />
      {props.joinUrl ? <PrimaryButton href={props.joinUrl}>Join the webinar</PrimaryButton> : null}
    </EmailLayout>
  );
}
