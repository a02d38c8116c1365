import { Text } from "@react-email/components";
import { EmailLayout, EventSummary, PrimaryButton, styles } from "./layout";
import type { RegistrationEmailProps } from "./types";
export type PromotedFromWaitlistProps = RegistrationEmailProps;

export function subject(props: PromotedFromWaitlistProps): string {
  return `A seat is yours: ${props.event.title}`;
}

export function PromotedFromWaitlist(props: PromotedFromWaitlistProps) {
  const { recipient, event, manageUrl } = props;
  return (
    <EmailLayout preview={subject(props)} heading="A seat opened up for you" eventTitle={event.title} manageUrl={manageUrl}>
      <Text style={styles.text}>Dear {recipient.name},</Text>
      <Text style={styles.text}>Good news: a seat freed up and it is now yours. Your registration is confirmed and the calendar invite is attached.</Text>
      <EventSummary event={event} />
      {props.joinUrl ? <PrimaryButton href={props.joinUrl}>Join the webinar</PrimaryButton> : null}
    </EmailLayout>
  );
}
