import { Text } from "@react-email/components";
import { emailTranslator } from "./i18n";
import { EmailLayout, PrimaryButton, styles } from "./layout";
import type { EmailRecipient } from "./types";

export interface SignInLinkProps {
  recipient: EmailRecipient;
  signInUrl: string;
  /** 15: how long the link works. */
  validMinutes: number;
  /** The language of the page the link was asked from; links queued before it read English. */
  locale?: string;
}

export function subject(props?: Pick<SignInLinkProps, "locale">): string {
  return emailTranslator(props?.locale)("email.signInLink.subject");
}

export function SignInLink(props: SignInLinkProps) {
  const { recipient, signInUrl, validMinutes, locale } = props;
  const t = emailTranslator(locale);
  return (
    <EmailLayout locale={locale} preview={subject(props)} heading={t("email.signInLink.heading")} reason={t("email.signInLink.reason")}>
      <Text style={styles.text}>{t("email.dear", { name: recipient.name })}</Text>
      <Text style={styles.text}>{t("email.signInLink.body", { minutes: validMinutes })}</Text>
      <PrimaryButton href={signInUrl}>{t("email.signInLink.button")}</PrimaryButton>
      <Text style={styles.muted}>
        {t("email.signInLink.paste")} {signInUrl}
      </Text>
    </EmailLayout>
  );
}
