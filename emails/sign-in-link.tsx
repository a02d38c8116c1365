import { Text } from "@react-email/components";
import { EmailLayout, PrimaryButton, styles } from "./layout";
import type { EmailRecipient } from "./types";

export interface SignInLinkProps {
  recipient: EmailRecipient;
  signInUrl: string;
  /** 15: how long the link works. */
  validMinutes: number;
}

export function subject(): string {
  return "Your Podium sign-in link";
}

export function SignInLink(props: SignInLinkProps) {
  const { recipient, signInUrl, validMinutes } = props;
  return (
    <EmailLayout
      preview={subject()}
      heading="Sign in to Podium"
      reason="You are receiving this because someone asked for a sign-in link for this address on Podium. If it was not you, ignore this email: nobody can use the link without the browser it was asked from."
    >
      <Text style={styles.text}>Dear {recipient.name},</Text>
      <Text style={styles.text}>
        {`Use the button below to sign in. The link works once, for ${validMinutes} minutes, and only in the browser where you asked for it.`}
      </Text>
      <PrimaryButton href={signInUrl}>Sign in to Podium</PrimaryButton>
      <Text style={styles.muted}>Or paste this address into that browser: {signInUrl}</Text>
    </EmailLayout>
  );
}
