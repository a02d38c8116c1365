import { Link, Text } from "@react-email/components";
import { EmailLayout, styles } from "./layout";
import type { EmailRecipient } from "./types";

export interface WebhookEndpointDisabledProps {
  recipient: EmailRecipient;
  endpoint: { url: string; description: string; consoleUrl: string };
  /** "Friday, 20 November 2026, 14:02 CET": when the failures began, in the owner's terms. */
  failingSince: string;
  /** The last attempt's outcome, e.g. "HTTP 503" or "connection failed: ECONNREFUSED". */
  lastError: string;
}

export function subject(props: WebhookEndpointDisabledProps): string {
  return `Webhook endpoint disabled: ${props.endpoint.description || props.endpoint.url}`;
}

export function WebhookEndpointDisabled(props: WebhookEndpointDisabledProps) {
  const { recipient, endpoint } = props;
  return (
    <EmailLayout preview={subject(props)} heading="A webhook endpoint was disabled" eventTitle={`your webhook endpoint ${endpoint.url}`}>
      <Text style={styles.text}>Dear {recipient.name},</Text>
      <Text style={styles.text}>
        Podium could not deliver to {endpoint.url}
        {endpoint.description ? ` (${endpoint.description})` : ""} since {props.failingSince}, so it has stopped sending to it. The last attempt
        ended with: {props.lastError}.
      </Text>
      <Text style={styles.text}>
        Messages written while it was failing are kept in its delivery log for 30 days. Once the receiver works again, enable the endpoint and
        redeliver what it missed:{" "}
        <Link href={endpoint.consoleUrl} style={styles.link}>
          {endpoint.consoleUrl}
        </Link>
      </Text>
    </EmailLayout>
  );
}
