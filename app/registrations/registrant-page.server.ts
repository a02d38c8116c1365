// The registrant's private page: their status and the event in their zone,
// and the two things they may do there, cancel and erase.
import type { SubmissionResult } from "@conform-to/react";
import { parseSubmission } from "~/security/form-submission.server";
import { eq } from "drizzle-orm";
import type { Database } from "~db/client.server";
import { registrations } from "~db/schema";
import { eventPhase } from "~/events/event-phase";
import { registrationTokenHashes, registrationUrls, type LinkSigner } from "~/security/link-tokens.server";
import { describeWhen } from "~/events/event-view.server";
import { zoneName } from "~/time";
import { translatorFor } from "~/i18n/catalogues.server";
import { isLocale, type Locale } from "~/i18n/locales";
import { pickFields, sourceLocaleOf } from "~/i18n/localize-content";
import { resolveTimeZone } from "~/time/zone-catalog.server";
import { loadQuestions } from "./registration-action.server";
import { registrantDetailsSchema } from "./registration-form";
import { refusalFor } from "./register.server";
import { cancelRegistration, findRegistrationByManageToken } from "./manage.server";
import { ATTENDEE, erase, readRegistration, waitlistRank, withLockedEvent } from "./lifecycle.server";

/** The page in `locale` (the reader's); their emails keep `registration.locale`, which they may change here. */
export async function loadRegistrantPage(db: Database, token: string | undefined, now: Date, links: LinkSigner, locale: Locale = "en") {
  const found = await findRegistrationByManageToken(db, token);
  if (!found) return null;
  const t = translatorFor(locale);
  const { registration, event } = found;
  const questions = await loadQuestions(db, event.id);
  const phase = eventPhase(event, now);
  return {
    token: token!,
    registration: {
      name: registration.name,
      email: registration.email,
      affiliation: registration.affiliation,
      timeZone: registration.timeZone,
      timeZoneName: zoneName(registration.timeZone, locale),
      locale: isLocale(registration.locale) ? registration.locale : "en",
      status: registration.status,
      waitlistRank: await waitlistRank(db, registration),
    },
    answers: questions
      .filter((q) => registration.answers[q.id] !== undefined)
      .map((q) => {
        const value = registration.answers[q.id];
        return { label: q.label, value: Array.isArray(value) ? value.join(", ") : typeof value === "boolean" ? (value ? t("registrant.yes") : t("registrant.no")) : String(value) };
      }),
    event: {
      slug: event.slug,
      ...pickFields(event, ["title"], sourceLocaleOf(event), { reader: locale, page: locale }),
      phase,
      icsPath: `/events/${event.slug}.ics`,
      when: describeWhen(event, registration.timeZone, locale),
    },
    questions,
    answerValues: registration.answers,
    canEdit: ["confirmed", "waitlisted", "pending"].includes(registration.status) && refusalFor(event, now) === null,
    joinPath: new URL(registrationUrls(links, registration).joinUrl).pathname,
    canCancel: ["confirmed", "waitlisted", "pending"].includes(registration.status) && phase !== "ended",
  };
}

export type RegistrantActionOutcome =
  | { kind: "cancelled" }
  | { kind: "language" }
  | { kind: "updated" }
  | { kind: "invalid"; submission: SubmissionResult<string[]> }
  | { kind: "erased" }
  | { kind: "not-found" }
  | { kind: "error"; message: string };

/** Forgets the person in one transaction: seat or place to the waitlist, data blanked, both private links dead. */
export async function eraseRegistration(db: Database, { registrationId, now, links }: { registrationId: string; now: Date; links: LinkSigner }) {
  const [current] = await db.select({ eventId: registrations.eventId }).from(registrations).where(eq(registrations.id, registrationId));
  if (!current) return;
  await withLockedEvent(db, { eventId: current.eventId, now, links }, async (scope) => {
    const registration = await readRegistration(scope, registrationId);
    if (!registration) return;
    const tokenVersion = registration.tokenVersion + 1;
    await erase(scope, registration, {
      actor: ATTENDEE,
      blanks: {
        name: "Erased registrant",
        email: `erased-${registrationId}@invalid`,
        affiliation: "",
        answers: {},
        tokenVersion,
        ...registrationTokenHashes(links.secret, registrationId, tokenVersion),
      },
    });
  });
}

export async function handleRegistrantAction(
  db: Database,
  { token, formData, now, links, locale = "en" }: { token: string | undefined; formData: FormData; now: Date; links: LinkSigner; locale?: Locale },
): Promise<RegistrantActionOutcome> {
  const found = await findRegistrationByManageToken(db, token);
  if (!found) return { kind: "not-found" };
  const t = translatorFor(locale);
  const intent = formData.get("intent");
  if (intent === "language") {
    // The language of every email from now on; a value we do not speak changes nothing.
    const chosen = formData.get("emailLocale");
    if (!isLocale(chosen)) return { kind: "error", message: t("registrant.unknownAction") };
    await db.update(registrations).set({ locale: chosen }).where(eq(registrations.id, found.registration.id));
    return { kind: "language" };
  }
  if (intent === "cancel") {
    const outcome = await cancelRegistration(db, { registrationId: found.registration.id, now, links, t });
    if (outcome.kind === "already-cancelled") return { kind: "error", message: outcome.message };
    return { kind: "cancelled" };
  }
  if (intent === "update") {
    const { registration, event } = found;
    if (!["confirmed", "waitlisted", "pending"].includes(registration.status) || refusalFor(event, now) !== null) {
      return { kind: "error", message: t("registrant.closedForEdits") };
    }
    const submission = parseSubmission(formData, { schema: registrantDetailsSchema(await loadQuestions(db, event.id), resolveTimeZone, t) });
    if (submission.status !== "success") return { kind: "invalid", submission: submission.reply() };
    await db
      .update(registrations)
      .set({
        name: submission.value.name,
        affiliation: submission.value.affiliation,
        timeZone: submission.value.timeZone,
        answers: submission.value.answers as Record<string, string | string[] | boolean>,
      })
      .where(eq(registrations.id, registration.id));
    return { kind: "updated" };
  }
  if (intent === "erase") {
    await eraseRegistration(db, { registrationId: found.registration.id, now, links });
    return { kind: "erased" };
  }
  return { kind: "error", message: t("registrant.unknownAction") };
}
