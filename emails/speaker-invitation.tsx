import { Text } from "@react-email/components";
import { EmailLayout, EventSummary, PrimaryButton, styles } from "./layout";
import type { EmailEventInfo, EmailRecipient } from "./types";

export interface SpeakerInvitationProps {
  recipient: EmailRecipient;
  event: EmailEventInfo;
  /** Each segment they are in: "Moderator of “Panel discussion”, 10:55 – 11:15 CET · 17:55 – 18:15 HKT (your time: …)". */
  segments: { title: string; role: string; when: string }[];
  portalUrl: string;
  /** "Friday, 1 January 2021, 17:00 HKT": after this, talk details are frozen. */
  editUntil: string;
}

export function subject(props: SpeakerInvitationProps): string {
  return `Speaker invitation: ${props.event.title}`;
}

export function SpeakerInvitation(props: SpeakerInvitationProps) {
  const { recipient, event, segments, portalUrl } = props;
  return (
    <EmailLayout preview={subject(props)} heading="You are on the programme" eventTitle={event.title}>
      <Text style={styles.text}>Dear {recipient.name},</Text>
      <Text style={styles.text}>The organizers of “{event.title}” have you on the programme:</Text>
      {segments.map((segment) => (
        <Text key={`${segment.role}-${segment.title}`} style={styles.text}>
          <strong>{`${segment.role}: ${segment.title}`}</strong>
          <br />
          {segment.when}
        </Text>
      ))}
      <Text style={styles.text}>
        {`Please confirm on your private page, and keep your profile and talk details current there (title, abstract, slides). Talk details can be changed until ${props.editUntil}.`}
      </Text>
      <PrimaryButton href={portalUrl}>Open your speaker page</PrimaryButton>
      <Text style={styles.muted}>This link is yours alone: please do not forward it. {portalUrl}</Text>
      <EventSummary event={event} />
    </EmailLayout>
  );
}
