// Props every email takes: plain data, times already formatted by app/time.
import type { Locale } from "~/i18n/locales";
export interface EmailEventInfo {
  title: string;
  url: string;
  /** "HKUST × KTH" */
  hostsLabel: string;
  /** "Thursday, 3 December 2020 · 10:00 – 11:15 CET · 17:00 – 18:15 HKT" */
  whenInEventZones: string;
  /** "Thursday, 3 December 2020, 17:00 – 18:15 HKT (your time)" */
  whenForRecipient: string;
}

export interface EmailRecipient {
  name: string;
}

export interface RegistrationEmailProps {
  /** The registration's language (app/i18n/locales.ts); absent in rows queued before it existed, which read English. */
  locale?: Locale;
  recipient: EmailRecipient;
  event: EmailEventInfo;
  manageUrl: string;
  /** The personal /j/ link; only for confirmed registrations. */
  joinUrl?: string;
}
