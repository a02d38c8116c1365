// What the register button says and the sentence above it, decided together so
// they can never disagree (an approval event that is full once offered "Join
// the waitlist" under "the organizers review each registration").
// The outcomes mirror register.server: approval events always make a pending
// request; otherwise a full event waitlists and an open one confirms.

import type { Translate } from "~/i18n/translator";

export interface RegistrationOffer {
  submitLabel: string;
  explanation: string | null;
}

export function registrationOffer(
  {
    requiresApproval,
    capacity,
    seatsLeft,
  }: {
    requiresApproval: boolean;
    capacity: number | null;
    seatsLeft: number | null;
  },
  t: Translate,
): RegistrationOffer {
  const full = seatsLeft === 0;
  if (requiresApproval) {
    return {
      submitLabel: t("register.requestSeat"),
      explanation: full ? t("register.approvalFull") : t("register.approval"),
    };
  }
  if (full) {
    return { submitLabel: t("register.joinWaitlist"), explanation: t("register.full") };
  }
  return { submitLabel: t("register.submit"), explanation: seatsLeft === null ? null : t("register.seatsLeft", { count: seatsLeft, capacity }) };
}
