import { Link, Text } from "@react-email/components";
import { EmailLayout, EventSummary, PrimaryButton, styles } from "./layout";
import type { RegistrationEmailProps } from "./types";
export type RegistrationConfirmedProps = RegistrationEmailProps;

export function subject(props: RegistrationConfirmedProps): string {
  return `You are registered: ${props.event.title}`;
}

export function RegistrationConfirmed(props: RegistrationConfirmedProps) {
  const { recipient, event, manageUrl } = props;
  return (
    <EmailLayout preview={subject(props)} heading="You are registered" eventTitle={event.title} manageUrl={manageUrl}>
      <Text style={styles.text}>Dear {recipient.name},</Text>
      <Text style={styles.text}>Your seat is confirmed. The calendar invite is attached.</Text>
      <EventSummary event={event} />
      {props.joinUrl ? (
        <>
          <Text style={styles.text}>Your personal join link opens 15 minutes before the start. Please do not share it.</Text>
          <PrimaryButton href={props.joinUrl}>Join the webinar</PrimaryButton>
        </>
      ) : null}
      <Link href={event.url} style={styles.link}>
        Event page
      </Link>
    </EmailLayout>
  );
}
