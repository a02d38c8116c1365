// The speaker portal behind /speak/:token: the speaker's own profile, their
// sessions (with the other people in them), their schedule across published
// events, and the changes they may make. Nothing else is ever loaded: no other
// speaker's private data (emails), no registrants, no drafts of other events.
import { parseSubmission } from "~/security/form-submission.server";
import { data } from "@remix-run/node";
import { and, asc, eq, inArray, or } from "drizzle-orm";
import type { Database } from "~db/client.server";
import { agendaItems, agendaRoles, eventOrganizers, events, people, speakerInvitations, users, type Event, type Person } from "~db/schema";
import { recordAudit, type Actor } from "~/audit/audit-log.server";
import { buildEventFeed } from "~/calendar";
import { personDisplayName } from "~/events/labels";
import { translatorFor } from "~/i18n/catalogues.server";
import type { Locale } from "~/i18n/locales";
import { languageNameFor, type Translate } from "~/i18n/translator";
import { hitRateLimit, peekRateLimit } from "~/security/rate-limit.server";
import { clientAddress } from "~/security/client-address.server";
import { formatEventRange, formatInstant, formatViewerRange } from "~/time";
import { listTimeZones } from "~/time/zone-catalog.server";
import { queueSpeakerWebhook } from "~/webhooks/webhook-outbox.server";
import { openSpeakerPortal, segmentsOfPerson, talkEditCutoff, type PortalAccess } from "./invitations.server";
import { emailLanguageSchema, responseSchema, speakerProfileSchemaIn, talkDetailsSchemaIn } from "./speaker-forms";
import { emailLocale } from "~emails/i18n";

/** Guessing tokens is hopeless anyway (256 bits); this makes trying expensive too. */
const MISS_RULE = (request: Request) => ({ key: `speak:miss:${clientAddress(request)}`, limit: 20, windowSeconds: 900 });

export type PortalDoor = PortalAccess | { kind: "rate-limited"; retryAfterSeconds: number };

export async function enterPortal(db: Database, request: Request, token: string | undefined, now: Date): Promise<PortalDoor> {
  const budget = await peekRateLimit(db, MISS_RULE(request), now);
  if (!budget.allowed) return { kind: "rate-limited", retryAfterSeconds: budget.retryAfterSeconds };
  const access = await openSpeakerPortal(db, token, now);
  if (access.kind === "not-found") await hitRateLimit(db, MISS_RULE(request), now);
  return access;
}

/** Why a speaker link did not open, as a page (or download) tells the speaker. */
export function refuseSpeakerLink(door: Exclude<PortalDoor, { kind: "ok" }>, t: Translate): Response {
  switch (door.kind) {
    case "rate-limited":
      return new Response(t("portal.link.tooMany"), {
        status: 429,
        headers: { "Retry-After": String(door.retryAfterSeconds) },
      });
    case "revoked":
      return new Response(t("portal.link.withdrawn"), { status: 410 });
    case "expired":
      return new Response(t("portal.link.expired", { title: door.eventTitle }), { status: 410 });
    case "not-found":
      return new Response(t("portal.link.invalid"), { status: 404 });
  }
}

export function speakerActor(person: Pick<Person, "name">): Actor {
  return { userId: null, label: `Speaker: ${person.name}` };
}

function zoneOf(person: Person, event: Event): string {
  return person.homeZone ?? event.displayZones[0] ?? event.homeZone;
}

function sessionTimes(startsAt: Date | null, endsAt: Date | null, event: Event, zone: string, locale: Locale) {
  const start = startsAt ?? event.startsAt;
  const end = endsAt ?? event.endsAt;
  return {
    yours: formatViewerRange({ startsAt: start, endsAt: end, viewerZone: zone, leadZone: zone, locale }).text,
    eventZones: formatEventRange({ startsAt: start, endsAt: end, zones: event.displayZones, locale }).zones.map((z) => z.text).join(" · "),
    timed: startsAt !== null,
  };
}

/** The portal in `locale`, the reader's language; titles and the speaker's own texts as the organizers wrote them (the speaker edits those). */
export async function loadPortal(db: Database, access: Extract<PortalAccess, { kind: "ok" }>, now: Date, locale: Locale = "en") {
  const t = translatorFor(locale);
  const { event, person, invitation } = access;
  const zone = zoneOf(person, event);
  const cutoff = talkEditCutoff(event);

  // This event's segments with this person, and everyone else in them (public fields only).
  const mine = await segmentsOfPerson(db, event.id, person.id);
  const itemIds = [...new Set(mine.map((m) => m.item.id))];
  const others = itemIds.length
    ? await db
        .select({ agendaItemId: agendaRoles.agendaItemId, role: agendaRoles.role, personId: people.id, honorific: people.honorific, name: people.name, affiliation: people.affiliation })
        .from(agendaRoles)
        .innerJoin(people, eq(people.id, agendaRoles.personId))
        .where(inArray(agendaRoles.agendaItemId, itemIds))
        .orderBy(asc(agendaRoles.position))
    : [];

  // Their schedule across events: published ones, plus this invitation's own event.
  const schedule = await db
    .select({ item: agendaItems, role: agendaRoles.role, event: events })
    .from(agendaRoles)
    .innerJoin(agendaItems, eq(agendaItems.id, agendaRoles.agendaItemId))
    .innerJoin(events, eq(events.id, agendaItems.eventId))
    .where(and(eq(agendaRoles.personId, person.id), or(eq(events.status, "published"), eq(events.id, event.id))))
    .orderBy(asc(events.startsAt), asc(agendaItems.position));

  const organizers = await db
    .select({ name: users.name, email: users.email })
    .from(eventOrganizers)
    .innerJoin(users, eq(users.id, eventOrganizers.userId))
    .where(eq(eventOrganizers.eventId, event.id))
    .orderBy(asc(eventOrganizers.createdAt));

  const bySegment = new Map<string, typeof mine>();
  for (const row of mine) bySegment.set(row.item.id, [...(bySegment.get(row.item.id) ?? []), row]);

  return {
    person: {
      displayName: personDisplayName(person),
      zone,
      zoneKnown: person.homeZone !== null,
      profile: {
        honorific: person.honorific,
        name: person.name,
        position: person.position,
        affiliation: person.affiliation,
        bio: person.bio,
        photoUrl: person.photoUrl ?? "",
        homeZone: person.homeZone ?? "",
      },
      publicUrl: `/speakers/${person.slug}`,
    },
    response: invitation.response,
    emailLocale: emailLocale(invitation.locale),
    event: {
      title: event.title,
      status: event.status,
      publicUrl: event.status === "published" ? `/events/${event.slug}` : null,
      whenInEventZones: formatEventRange({ startsAt: event.startsAt, endsAt: event.endsAt, zones: event.displayZones, locale }).text,
      whenForYou: formatViewerRange({ startsAt: event.startsAt, endsAt: event.endsAt, viewerZone: zone, leadZone: zone, locale }).text,
    },
    frozen: now >= cutoff,
    cutoff: formatInstant(cutoff, zone, "dateTime", locale),
    organizers,
    sessions: [...bySegment.values()].map((rows) => {
      const item = rows[0]!.item;
      return {
        id: item.id,
        kindLabel: t(`agendaKind.${item.kind}`),
        title: item.title,
        abstract: item.abstract,
        materialsUrl: item.materialsUrl ?? "",
        roles: rows.map((r) => t(`agendaRole.${r.role}`)),
        ...sessionTimes(item.startsAt, item.endsAt, event, zone, locale),
        withWhom: others
          .filter((o) => o.agendaItemId === item.id && o.personId !== person.id)
          .map((o) => ({ key: `${o.personId}-${o.role}`, text: `${t(`agendaRole.${o.role}`)}: ${personDisplayName(o)}${o.affiliation ? `, ${o.affiliation}` : ""}` })),
      };
    }),
    schedule: schedule.map((s) => ({
      key: `${s.item.id}-${s.role}`,
      eventTitle: s.event.title,
      segmentTitle: s.item.title,
      role: t(`agendaRole.${s.role}`),
      ...sessionTimes(s.item.startsAt, s.item.endsAt, s.event, zone, locale),
    })),
    zones: listTimeZones(),
  };
}

const PROFILE_LABELS: Record<string, string> = {
  honorific: "honorific",
  name: "name",
  position: "position",
  affiliation: "affiliation",
  bio: "biography",
  photoUrl: "photo",
  homeZone: "time zone",
};

export async function handlePortalAction(db: Database, request: Request, access: Extract<PortalAccess, { kind: "ok" }>, now: Date, t: Translate) {
  const formData = await request.formData();
  const intent = formData.get("intent");
  const { event, person, invitation } = access;
  const actor = speakerActor(person);

  if (intent === "respond") {
    const parsed = responseSchema.safeParse({ response: formData.get("response") });
    if (!parsed.success) return data({ form: "respond", ok: false, message: t("portal.notice.chooseResponse") }, { status: 400 });
    await db.transaction(async (tx) => {
      await tx.update(speakerInvitations).set({ response: parsed.data.response, respondedAt: now }).where(eq(speakerInvitations.id, invitation.id));
      await queueSpeakerWebhook(tx, { eventId: event.id, person, change: "response", fields: { response: parsed.data.response } });
      await recordAudit(tx, {
        actor,
        eventId: event.id,
        action: `speaker.${parsed.data.response}`,
        summary: parsed.data.response === "confirmed" ? `${person.name} confirmed taking part` : `${person.name} declined to take part`,
        details: { personId: person.id },
      });
    });
    return data({ form: "respond", ok: true, message: t(parsed.data.response === "confirmed" ? "portal.notice.confirmed" : "portal.notice.declined") });
  }

  if (intent === "language") {
    const parsed = emailLanguageSchema.safeParse({ emailLocale: formData.get("emailLocale") });
    if (!parsed.success) return data({ form: "language", ok: false, message: t("portal.notice.correctFields") }, { status: 400 });
    await db.update(speakerInvitations).set({ locale: parsed.data.emailLocale }).where(eq(speakerInvitations.id, invitation.id));
    return data({ form: "language", ok: true, message: t("portal.notice.languageSaved", { language: languageNameFor(t, parsed.data.emailLocale) }) });
  }

  if (intent === "profile") {
    const submission = parseSubmission(formData, { schema: speakerProfileSchemaIn(t) });
    if (submission.status !== "success") return data({ form: "profile", ok: false, message: t("portal.notice.correctFields"), result: submission.reply() }, { status: 400 });
    const values = submission.value;
    const next = {
      honorific: values.honorific,
      name: values.name,
      position: values.position,
      affiliation: values.affiliation,
      bio: values.bio,
      photoUrl: values.photoUrl ?? null,
      homeZone: values.homeZone ?? null,
    };
    const changed = Object.keys(next).filter((k) => (person as Record<string, unknown>)[k] !== (next as Record<string, unknown>)[k]);
    if (changed.length === 0) return data({ form: "profile", ok: true, message: t("portal.notice.nothingChanged"), result: submission.reply() });
    await db.transaction(async (tx) => {
      await tx.update(people).set({ ...next, updatedAt: now }).where(eq(people.id, person.id));
      await queueSpeakerWebhook(tx, { eventId: event.id, person: { id: person.id, name: values.name }, change: "profile", fields: { fields: changed } });
      await recordAudit(tx, {
        actor: speakerActor({ name: values.name }),
        eventId: event.id,
        action: "speaker.profile_updated",
        summary: `${values.name} updated their ${changed.map((k) => PROFILE_LABELS[k]).join(", ")}`,
        details: { personId: person.id, fields: changed },
      });
    });
    return data({ form: "profile", ok: true, message: t("portal.notice.profileSaved"), result: submission.reply() });
  }

  if (intent === "talk") {
    const submission = parseSubmission(formData, { schema: talkDetailsSchemaIn(t) });
    const formId = String(formData.get("itemId") ?? "");
    if (now >= talkEditCutoff(event)) {
      return data(
        { form: `talk:${formId}`, ok: false, message: t("portal.notice.talkFrozen"), result: submission.reply() },
        { status: 409 },
      );
    }
    if (submission.status !== "success") return data({ form: `talk:${formId}`, ok: false, message: t("portal.notice.correctFields"), result: submission.reply() }, { status: 400 });
    const values = submission.value;
    const outcome = await db.transaction(async (tx) => {
      const [item] = await tx
        .select({ item: agendaItems })
        .from(agendaItems)
        .innerJoin(agendaRoles, eq(agendaRoles.agendaItemId, agendaItems.id))
        .where(and(eq(agendaItems.id, values.itemId), eq(agendaItems.eventId, event.id), eq(agendaRoles.personId, person.id)));
      if (!item) return null;
      const before = item.item;
      const changes: string[] = [];
      if (before.title !== values.title) changes.push(`title “${before.title}” → “${values.title}”`);
      if (before.abstract !== values.abstract) changes.push("abstract");
      if ((before.materialsUrl ?? null) !== (values.materialsUrl ?? null)) changes.push("slides link");
      if (changes.length === 0) return [];
      await tx.update(agendaItems).set({ title: values.title, abstract: values.abstract, materialsUrl: values.materialsUrl ?? null, updatedAt: now }).where(eq(agendaItems.id, before.id));
      await queueSpeakerWebhook(tx, { eventId: event.id, person, change: "talk", fields: { agendaItemId: before.id, title: values.title } });
      await recordAudit(tx, {
        actor,
        eventId: event.id,
        action: "speaker.talk_updated",
        summary: `${person.name} changed the ${changes.join(", ")}`,
        details: { personId: person.id, agendaItemId: before.id },
      });
      return changes;
    });
    if (outcome === null) return data({ form: `talk:${formId}`, ok: false, message: t("portal.notice.notYourSession") }, { status: 404 });
    return data({ form: `talk:${formId}`, ok: true, message: t(outcome.length ? "portal.notice.talkSaved" : "portal.notice.nothingChanged"), result: submission.reply() });
  }

  return data({ form: "", ok: false, message: t("portal.notice.unknownAction") }, { status: 400 });
}

/** The speaker's own sessions in this event as an .ics (one VEVENT per segment, UID per segment). */
export async function speakerCalendar(db: Database, access: Extract<PortalAccess, { kind: "ok" }>, origin: string, locale: Locale = "en"): Promise<string> {
  const t = translatorFor(locale);
  const { event, person } = access;
  const rows = await segmentsOfPerson(db, event.id, person.id);
  const seen = new Set<string>();
  const sessions = rows.filter((r) => (seen.has(r.item.id) ? false : (seen.add(r.item.id), true)));
  return buildEventFeed({
    name: `${person.name}: ${event.title}`,
    events: sessions.map(({ item, role }) => ({
      id: item.id,
      slug: event.slug,
      title: `${item.title} (${t(`agendaRole.${role}`)}) — ${event.title}`,
      summary: item.abstract,
      url: `${origin}/events/${event.slug}`,
      startsAt: item.startsAt ?? event.startsAt,
      endsAt: item.endsAt ?? event.endsAt,
      status: event.status,
      sequence: event.sequence,
      updatedAt: item.updatedAt,
      createdAt: item.createdAt,
      hosts: [],
    })),
  });
}
