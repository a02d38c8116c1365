import { Body, Button, Container, Head, Heading, Hr, Html, Link, Preview, Section, Text } from "@react-email/components";
import type { ReactNode } from "react";
import { emailLocale, emailTranslator } from "./i18n";
import type { EmailEventInfo } from "./types";

const colors = { navy: "#16325c", ink: "#1a2233", soft: "#4a5568", line: "#dfe3ea", canvas: "#f5f6f9" };

export const styles = {
  body: { backgroundColor: colors.canvas, fontFamily: "Arial, Helvetica, sans-serif", color: colors.ink, margin: 0 },
  container: { backgroundColor: "#ffffff", maxWidth: "560px", margin: "24px auto", padding: "24px", borderRadius: "8px" },
  brand: { color: colors.navy, fontWeight: 700, fontSize: "18px", margin: "0 0 16px" },
  heading: { color: colors.navy, fontSize: "22px", lineHeight: "28px", margin: "0 0 12px" },
  text: { fontSize: "15px", lineHeight: "22px", margin: "0 0 12px" },
  muted: { fontSize: "13px", lineHeight: "20px", color: colors.soft, margin: "0 0 8px" },
  box: { border: `1px solid ${colors.line}`, borderRadius: "6px", padding: "12px 16px", margin: "0 0 16px" },
  button: { backgroundColor: colors.navy, color: "#ffffff", padding: "12px 18px", borderRadius: "6px", fontWeight: 700, textDecoration: "none" },
  link: { color: colors.navy },
};

/** Title, hosts and the time in the recipient's zone and the event's zones. */
export function EventSummary({ event }: { event: EmailEventInfo }) {
  return (
    <Section style={styles.box}>
      {event.hostsLabel ? <Text style={styles.muted}>{event.hostsLabel}</Text> : null}
      <Text style={{ ...styles.text, fontWeight: 700 }}>
        <Link href={event.url} style={styles.link}>
          {event.title}
        </Link>
      </Text>
      <Text style={styles.text}>{event.whenForRecipient}</Text>
      <Text style={styles.muted}>{event.whenInEventZones}</Text>
    </Section>
  );
}

export function PrimaryButton({ href, children }: { href: string; children: ReactNode }) {
  return (
    <Section style={{ margin: "8px 0 20px" }}>
      <Button href={href} style={styles.button}>
        {children}
      </Button>
    </Section>
  );
}

export function EmailLayout({
  locale,
  preview,
  heading,
  eventTitle,
  manageUrl,
  unsubscribeUrl,
  reason,
  children,
}: {
  /** The recipient's language; the layout's own sentences and `<html lang>` follow it. */
  locale?: string;
  preview: string;
  heading: string;
  /** The event the message is about; messages about no event (sign-in links) give a `reason` instead. */
  eventTitle?: string;
  reason?: string;
  manageUrl?: string;
  unsubscribeUrl?: string;
  children: ReactNode;
}) {
  const t = emailTranslator(locale);
  return (
    <Html lang={emailLocale(locale)}>
      <Head />
      <Preview>{preview}</Preview>
      <Body style={styles.body}>
        <Container style={styles.container}>
          <Text style={styles.brand}>Podium</Text>
          <Heading as="h1" style={styles.heading}>
            {heading}
          </Heading>
          {children}
          <Hr style={{ borderColor: colors.line, margin: "20px 0" }} />
          {manageUrl ? (
            <Text style={styles.muted}>
              {t("email.manage")}{" "}
              <Link href={manageUrl} style={styles.link}>
                {manageUrl}
              </Link>
            </Text>
          ) : null}
          <Text style={styles.muted}>{eventTitle ? t("email.because", { title: eventTitle }) : reason}</Text>
          {unsubscribeUrl ? (
            <Text style={styles.muted}>
              <Link href={unsubscribeUrl} style={styles.link}>
                {t("email.unsubscribe")}
              </Link>
            </Text>
          ) : null}
        </Container>
      </Body>
    </Html>
  );
}
