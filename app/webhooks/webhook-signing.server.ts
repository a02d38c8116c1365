// Standard Webhooks signing: v1 HMAC-SHA256 over "id.timestamp.body" with the
// endpoint's secret, through the `standardwebhooks` package. During a rotation's
// overlap the header carries one signature per secret, so a receiver that still
// has the old secret (or already has the new one) verifies either way.
import { randomBytes } from "node:crypto";
import { Webhook } from "standardwebhooks";
import type { WebhookEndpoint } from "~db/schema";

/** `whsec_` + base64 of 32 random bytes, the format Standard Webhooks libraries read. */
export function newSigningSecret(): string {
  return `whsec_${randomBytes(32).toString("base64")}`;
}

/** The secrets that sign right now: the current one, and the previous one during its overlap. */
export function signingSecrets(endpoint: Pick<WebhookEndpoint, "secret" | "previousSecret" | "previousSecretExpiresAt">, now: Date): string[] {
  const overlap = endpoint.previousSecret && endpoint.previousSecretExpiresAt && endpoint.previousSecretExpiresAt > now;
  return overlap ? [endpoint.secret, endpoint.previousSecret!] : [endpoint.secret];
}

/** The headers of one attempt; the timestamp is the attempt's, as the spec asks. */
export function signedHeaders(
  endpoint: Pick<WebhookEndpoint, "secret" | "previousSecret" | "previousSecretExpiresAt">,
  { messageId, body, now }: { messageId: string; body: string; now: Date },
): Record<string, string> {
  const signatures = signingSecrets(endpoint, now).map((secret) => new Webhook(secret).sign(messageId, now, body));
  return {
    "content-type": "application/json",
    "user-agent": "Podium-Webhooks/1.0",
    "webhook-id": messageId,
    "webhook-timestamp": String(Math.floor(now.getTime() / 1000)),
    "webhook-signature": signatures.join(" "),
  };
}
