import { Text } from "@react-email/components";
import { emailTranslator } from "./i18n";
import { EmailLayout, EventSummary, PrimaryButton, styles } from "./layout";
import type { EmailEventInfo, EmailRecipient } from "./types";

export interface SpeakerInvitationProps {
  recipient: EmailRecipient;
  event: EmailEventInfo;
  /** Each segment they are in, already in the speaker's language: role, title, "10:55 – 11:15 CET · … (your time: …)". */
  segments: { title: string; role: string; when: string }[];
  portalUrl: string;
  /** "Friday, 1 January 2021, 17:00 HKT": after this, talk details are frozen. */
  editUntil: string;
  /** The speaker's language (speaker_invitations.locale); invitations queued before it read English. */
  locale?: string;
}

export function subject(props: SpeakerInvitationProps): string {
  return emailTranslator(props.locale)("email.speakerInvitation.subject", { title: props.event.title });
}

export function SpeakerInvitation(props: SpeakerInvitationProps) {
  const { recipient, event, segments, portalUrl, locale } = props;
  const t = emailTranslator(locale);
  return (
    <EmailLayout locale={locale} preview={subject(props)} heading={t("email.speakerInvitation.heading")} eventTitle={event.title}>
      <Text style={styles.text}>{t("email.dear", { name: recipient.name })}</Text>
      <Text style={styles.text}>{t("email.speakerInvitation.onProgramme", { title: event.title })}</Text>
      {segments.map((segment) => (
        <Text key={`${segment.role}-${segment.title}`} style={styles.text}>
          <strong>{t("email.speakerInvitation.segment", { role: segment.role, title: segment.title })}</strong>
          <br />
          {segment.when}
        </Text>
      ))}
      <Text style={styles.text}>{t("email.speakerInvitation.confirm", { until: props.editUntil })}</Text>
      <PrimaryButton href={portalUrl}>{t("email.speakerInvitation.open")}</PrimaryButton>
      <Text style={styles.muted}>
        {t("email.speakerInvitation.yoursAlone")} {portalUrl}
      </Text>
      <EventSummary event={event} />
    </EmailLayout>
  );
}
