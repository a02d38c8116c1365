// Organizers invite the people on an event's programme to their private speaker
// page /speak/:token. The token is an HMAC of the invitation (purpose "speak"),
// only its SHA-256 is stored; re-sending mails the same link, revoking kills it,
// and inviting again after a revocation issues a new one.
import { consoleTranslatorFor } from "~/i18n/console-catalogues.server";
import type { Translate } from "~/i18n/translator";
import { and, asc, eq, inArray } from "drizzle-orm";
import type { Database } from "~db/client.server";
import { agendaItems, agendaRoles, events, people, speakerInvitations, type Event, type Person, type SpeakerInvitation, type User } from "~db/schema";
import { actorFor, recordAudit } from "~/audit/audit-log.server";
import { enqueueEmail } from "~/email/outbox.server";
import { emailLocale } from "~emails/i18n";
import { translatorFor } from "~/i18n/catalogues.server";
import { sourceLocaleOf } from "~/i18n/localize-content";
import { emailEventInfo } from "~/email/event-facts.server";
import { deriveToken, derivedTokenHash, type LinkSigner } from "~/security/link-tokens.server";
import { hashToken, looksLikeToken } from "~/security/tokens.server";
import { formatEventRange, formatInstant, formatTimeRange } from "~/time";
import { lockEvent } from "~/events/event-lock.server";
import type { Tx } from "~db/records.server";


export const LINK_GRACE_DAYS = 30;

/** A speaker link works until 30 days after the event ends. */
export function speakerLinkValidUntil(event: Pick<Event, "endsAt">): Date {
  return new Date(event.endsAt.getTime() + LINK_GRACE_DAYS * 86_400_000);
}

/** After this, speakers may no longer change talk details (default: 24 hours before the start). */
export function talkEditCutoff(event: Pick<Event, "startsAt" | "speakerEditCutoffMinutes">): Date {
  return new Date(event.startsAt.getTime() - event.speakerEditCutoffMinutes * 60_000);
}

export function speakerPortalUrl(links: LinkSigner, invitation: Pick<SpeakerInvitation, "id" | "tokenVersion">): string {
  return `${links.origin}/speak/${deriveToken(links.secret, "speak", invitation.id, invitation.tokenVersion)}`;
}

export type InvitationState = "not-invited" | "invited" | "confirmed" | "declined" | "revoked";

export function invitationState(invitation: Pick<SpeakerInvitation, "response" | "revokedAt"> | undefined): InvitationState {
  if (!invitation) return "not-invited";
  if (invitation.revokedAt) return "revoked";
  return invitation.response;
}

/** The segments one person has in one event, with their roles, in programme order. */
export async function segmentsOfPerson(db: Pick<Database, "select">, eventId: string, personId: string) {
  return db
    .select({ item: agendaItems, role: agendaRoles.role })
    .from(agendaRoles)
    .innerJoin(agendaItems, eq(agendaItems.id, agendaRoles.agendaItemId))
    .where(and(eq(agendaItems.eventId, eventId), eq(agendaRoles.personId, personId)))
    .orderBy(asc(agendaItems.position));
}

async function queueInvitationEmail(tx: Tx, { event, person, invitation, links, now }: { event: Event; person: Person; invitation: SpeakerInvitation; links: LinkSigner; now: Date }) {
  const zone = person.homeZone ?? event.displayZones[0] ?? event.homeZone;
  // Written in the speaker's language, whatever language the organizer's console is in.
  const locale = emailLocale(invitation.locale);
  const t = translatorFor(locale);
  const segments = await segmentsOfPerson(tx, event.id, person.id);
  const whenOf = (startsAt: Date | null, endsAt: Date | null) => {
    if (!startsAt || !endsAt) return t("email.speakerInvitation.timeTba");
    const inEventZones = formatEventRange({ startsAt, endsAt, zones: event.displayZones, locale }).zones.map((z) => z.text).join(" · ");
    return t("email.speakerInvitation.when", { date: formatInstant(startsAt, zone, "date", locale), zones: inEventZones, yours: formatTimeRange({ startsAt, endsAt, zone, locale }) });
  };
  await enqueueEmail(tx, {
    dedupeKey: `speaker-invitation/${invitation.id}/${invitation.tokenVersion}/${now.getTime()}`,
    message: {
      template: "speaker-invitation",
      props: {
        recipient: { name: person.honorific ? `${person.honorific} ${person.name}` : person.name },
        event: await emailEventInfo(tx, event, zone, links.origin, locale),
        segments: segments.map((s) => ({ title: s.item.title, role: t(`agendaRole.${s.role}`), when: whenOf(s.item.startsAt, s.item.endsAt) })),
        portalUrl: speakerPortalUrl(links, invitation),
        editUntil: formatInstant(talkEditCutoff(event), zone, "dateTime", locale),
        locale,
      },
    },
    to: { email: person.email!, name: person.name },
    eventId: event.id,
  });
}

export type InvitationOutcome = { ok: true; message: string } | { ok: false; message: string };

export async function inviteSpeaker(
  db: Database,
  { user, eventId, personId, links, now, t = consoleTranslatorFor("en") }: { user: User; eventId: string; personId: string; links: LinkSigner; now: Date; t?: Translate },
): Promise<InvitationOutcome> {
  return db.transaction(async (tx) => {
    const event = await lockEvent(tx, eventId);
    if (!event) return { ok: false, message: t("notice.eventGone") } as const;
    const [person] = await tx.select().from(people).where(eq(people.id, personId));
    if (!person) return { ok: false, message: t("agenda.personNotInDirectory") } as const;
    if ((await segmentsOfPerson(tx, eventId, personId)).length === 0) return { ok: false, message: t("agenda.invitation.notOnAgenda", { name: person.name }) } as const;
    if (!person.email) return { ok: false, message: t("agenda.invitation.noEmail", { name: person.name }) } as const;
    if (speakerLinkValidUntil(event) <= now) return { ok: false, message: t("agenda.invitation.tooLate") } as const;

    const [existing] = await tx
      .select()
      .from(speakerInvitations)
      .where(and(eq(speakerInvitations.eventId, eventId), eq(speakerInvitations.personId, personId)))
      .for("update");
    let invitation: SpeakerInvitation;
    let verb: string;
    let done: "invited" | "invitedAgain" | "resent";
    if (!existing) {
      const id = crypto.randomUUID();
      [invitation] = (await tx
        .insert(speakerInvitations)
        // Until the speaker chooses, they are written to in the event's own language.
        .values({ id, eventId, personId, tokenVersion: 1, tokenHash: derivedTokenHash(links.secret, "speak", id, 1), invitedAt: now, lastSentAt: now, locale: sourceLocaleOf(event) })
        .returning()) as [SpeakerInvitation];
      verb = "Invited";
      done = "invited";
    } else if (existing.revokedAt) {
      // A revoked link stays dead: a new invitation gets a new token.
      const version = existing.tokenVersion + 1;
      [invitation] = (await tx
        .update(speakerInvitations)
        .set({ tokenVersion: version, tokenHash: derivedTokenHash(links.secret, "speak", existing.id, version), revokedAt: null, response: "invited", respondedAt: null, invitedAt: now, lastSentAt: now })
        .where(eq(speakerInvitations.id, existing.id))
        .returning()) as [SpeakerInvitation];
      verb = "Invited again, with a new link,";
      done = "invitedAgain";
    } else {
      [invitation] = (await tx.update(speakerInvitations).set({ lastSentAt: now }).where(eq(speakerInvitations.id, existing.id)).returning()) as [SpeakerInvitation];
      verb = "Re-sent the invitation to";
      done = "resent";
    }
    await queueInvitationEmail(tx, { event, person, invitation, links, now });
    await recordAudit(tx, {
      actor: actorFor(user),
      eventId,
      action: "invitation.sent",
      summary: `${verb} ${person.name} <${person.email}>`,
      details: { personId },
    });
    return { ok: true, message: t(`agenda.invitation.${done}`, { name: person.name }) } as const;
  });
}

export async function revokeSpeakerLink(
  db: Database,
  { user, eventId, personId, now, t = consoleTranslatorFor("en") }: { user: User; eventId: string; personId: string; now: Date; t?: Translate },
): Promise<InvitationOutcome> {
  return db.transaction(async (tx) => {
    const [invitation] = await tx
      .select({ id: speakerInvitations.id, revokedAt: speakerInvitations.revokedAt, name: people.name })
      .from(speakerInvitations)
      .innerJoin(people, eq(people.id, speakerInvitations.personId))
      .where(and(eq(speakerInvitations.eventId, eventId), eq(speakerInvitations.personId, personId)))
      .for("update");
    if (!invitation || invitation.revokedAt) return { ok: false, message: t("agenda.invitation.noLink") } as const;
    await tx.update(speakerInvitations).set({ revokedAt: now }).where(eq(speakerInvitations.id, invitation.id));
    await recordAudit(tx, { actor: actorFor(user), eventId, action: "invitation.revoked", summary: `Revoked ${invitation.name}'s speaker link`, details: { personId } });
    return { ok: true, message: t("agenda.invitation.revoked", { name: invitation.name }) } as const;
  });
}

export type PortalAccess =
  | { kind: "ok"; invitation: SpeakerInvitation; event: Event; person: Person }
  | { kind: "not-found" }
  | { kind: "revoked" }
  | { kind: "expired"; eventTitle: string };

/** The one door into the speaker portal: the token's hash, then revocation and expiry. */
export async function openSpeakerPortal(db: Pick<Database, "select">, token: string | undefined, now: Date): Promise<PortalAccess> {
  if (!looksLikeToken(token)) return { kind: "not-found" };
  const [row] = await db
    .select({ invitation: speakerInvitations, event: events, person: people })
    .from(speakerInvitations)
    .innerJoin(events, eq(events.id, speakerInvitations.eventId))
    .innerJoin(people, eq(people.id, speakerInvitations.personId))
    .where(eq(speakerInvitations.tokenHash, hashToken(token!)));
  if (!row) return { kind: "not-found" };
  if (row.invitation.revokedAt) return { kind: "revoked" };
  if (speakerLinkValidUntil(row.event) <= now) return { kind: "expired", eventTitle: row.event.title };
  return { kind: "ok", ...row };
}

/** Invitation state per person for an event's agenda builder. */
export async function invitationsByPerson(db: Pick<Database, "select">, eventId: string, personIds: string[]) {
  if (personIds.length === 0) return new Map<string, SpeakerInvitation>();
  const rows = await db
    .select()
    .from(speakerInvitations)
    .where(and(eq(speakerInvitations.eventId, eventId), inArray(speakerInvitations.personId, personIds)));
  return new Map(rows.map((r) => [r.personId, r]));
}
