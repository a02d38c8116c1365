// The registrant's private page: their status and the event in their zone,
// and the two things they may do there, cancel and erase.
import type { SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { eq } from "drizzle-orm";
import type { Database } from "~db/client.server";
import { registrations } from "~db/schema";
import { eventPhase } from "~/events/event-phase";
import { registrationTokenHashes, registrationUrls, type LinkSigner } from "~/security/link-tokens.server";
import { formatEventRange, formatViewerRange, listTimeZones } from "~/time";
import { loadQuestions } from "./registration-action.server";
import { registrantDetailsSchema } from "./registration-form";
import { refusalFor } from "./register.server";
import { cancelRegistration, findRegistrationByManageToken } from "./manage.server";
import { waitlistRank } from "./register.server";

export async function loadRegistrantPage(db: Database, token: string | undefined, now: Date, links: LinkSigner) {
  const found = await findRegistrationByManageToken(db, token);
  if (!found) return null;
  const { registration, event } = found;
  const range = formatEventRange({ startsAt: event.startsAt, endsAt: event.endsAt, zones: event.displayZones });
  const questions = await loadQuestions(db, event.id);
  const phase = eventPhase(event, now);
  return {
    token: token!,
    registration: {
      name: registration.name,
      email: registration.email,
      affiliation: registration.affiliation,
      timeZone: registration.timeZone,
      status: registration.status,
      waitlistRank: await waitlistRank(db, registration),
    },
    answers: questions
      .filter((q) => registration.answers[q.id] !== undefined)
      .map((q) => {
        const value = registration.answers[q.id];
        return { label: q.label, value: Array.isArray(value) ? value.join(", ") : typeof value === "boolean" ? (value ? "Yes" : "No") : String(value) };
      }),
    event: {
      slug: event.slug,
      title: event.title,
      phase,
      icsPath: `/events/${event.slug}.ics`,
      when: {
        dateLabel: range.dateLabel,
        zones: range.zones.map((z) => ({ zone: z.zone, abbreviation: z.abbreviation, text: z.text, dayOffset: z.dayOffset })),
        text: range.text,
        viewer: {
          zone: registration.timeZone,
          ...formatViewerRange({
            startsAt: event.startsAt,
            endsAt: event.endsAt,
            viewerZone: registration.timeZone,
            leadZone: event.displayZones[0] ?? event.homeZone,
          }),
        },
      },
    },
    questions,
    zones: listTimeZones(),
    answerValues: registration.answers,
    canEdit: ["confirmed", "waitlisted", "pending"].includes(registration.status) && refusalFor(event, now) === null,
    joinPath: new URL(registrationUrls(links, registration).joinUrl).pathname,
    canCancel: ["confirmed", "waitlisted", "pending"].includes(registration.status) && phase !== "ended",
  };
}

export type RegistrantActionOutcome =
  | { kind: "cancelled" }
  | { kind: "updated" }
  | { kind: "invalid"; submission: SubmissionResult<string[]> }
  | { kind: "erased" }
  | { kind: "not-found" }
  | { kind: "error"; message: string };

export async function eraseRegistration(db: Database, { registrationId, now, links }: { registrationId: string; now: Date; links: LinkSigner }) {
  // Cancel first so the seat is freed and the waitlist moves, then forget the person.
  await cancelRegistration(db, { registrationId, now, links });
  // A new token version kills both private links.
  const [current] = await db.select({ tokenVersion: registrations.tokenVersion }).from(registrations).where(eq(registrations.id, registrationId));
  const tokenVersion = (current?.tokenVersion ?? 1) + 1;
  await db
    .update(registrations)
    .set({
      name: "Erased registrant",
      email: `erased-${registrationId}@invalid`,
      affiliation: "",
      answers: {},
      erasedAt: now,
      unsubscribedAt: now,
      tokenVersion,
      ...registrationTokenHashes(links.secret, registrationId, tokenVersion),
    })
    .where(eq(registrations.id, registrationId));
}

export async function handleRegistrantAction(
  db: Database,
  { token, formData, now, links }: { token: string | undefined; formData: FormData; now: Date; links: LinkSigner },
): Promise<RegistrantActionOutcome> {
  const found = await findRegistrationByManageToken(db, token);
  if (!found) return { kind: "not-found" };
  const intent = formData.get("intent");
  if (intent === "cancel") {
    const outcome = await cancelRegistration(db, { registrationId: found.registration.id, now, links });
    if (outcome.kind === "already-cancelled") return { kind: "error", message: "This registration is already cancelled." };
    return { kind: "cancelled" };
  }
  if (intent === "update") {
    const { registration, event } = found;
    if (!["confirmed", "waitlisted", "pending"].includes(registration.status) || refusalFor(event, now) !== null) {
      return { kind: "error", message: "Registration has closed, so your details can no longer be changed here." };
    }
    const submission = parseWithZod(formData, { schema: registrantDetailsSchema(await loadQuestions(db, event.id)) });
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
  return { kind: "error", message: "Unknown action. Reload the page and try again." };
}
