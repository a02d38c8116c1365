import { Link, Text } from "@react-email/components";
import { emailTranslator } from "./i18n";
import { EmailLayout, styles } from "./layout";
import type { EmailRecipient } from "./types";

export interface WebhookEndpointDisabledProps {
  recipient: EmailRecipient;
  endpoint: { url: string; description: string; consoleUrl: string };
  /** "Friday, 20 November 2026, 14:02 CET": when the failures began, in the owner's terms. */
  failingSince: string;
  /** The last attempt's outcome, e.g. "HTTP 503" or "connection failed: ECONNREFUSED" (technical, as received). */
  lastError: string;
  /** The owner's language (users.locale); emails queued before it was recorded read English. */
  locale?: string;
}

export function subject(props: WebhookEndpointDisabledProps): string {
  return emailTranslator(props.locale)("email.webhookDisabled.subject", { name: props.endpoint.description || props.endpoint.url });
}

export function WebhookEndpointDisabled(props: WebhookEndpointDisabledProps) {
  const { recipient, endpoint, locale } = props;
  const t = emailTranslator(locale);
  const target = endpoint.description ? t("email.webhookDisabled.urlWithName", { url: endpoint.url, name: endpoint.description }) : endpoint.url;
  return (
    <EmailLayout
      locale={locale}
      preview={subject(props)}
      heading={t("email.webhookDisabled.heading")}
      eventTitle={t("email.webhookDisabled.about", { url: endpoint.url })}
    >
      <Text style={styles.text}>{t("email.dear", { name: recipient.name })}</Text>
      <Text style={styles.text}>{t("email.webhookDisabled.body", { target, since: props.failingSince, error: props.lastError })}</Text>
      <Text style={styles.text}>
        {t("email.webhookDisabled.next")}{" "}
        <Link href={endpoint.consoleUrl} style={styles.link}>
          {endpoint.consoleUrl}
        </Link>
      </Text>
    </EmailLayout>
  );
}
