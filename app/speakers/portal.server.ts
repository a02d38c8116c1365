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
import { AGENDA_KIND_LABEL, AGENDA_ROLE_LABEL, personDisplayName } from "~/events/labels";
import { hitRateLimit, peekRateLimit } from "~/security/rate-limit.server";
import { clientAddress } from "~/security/client-address.server";
import { formatEventRange, formatInstant, formatTimeRange } from "~/time";
import { listTimeZones } from "~/time/zone-catalog.server";
import { queueSpeakerWebhook } from "~/webhooks/webhook-outbox.server";
import { openSpeakerPortal, segmentsOfPerson, talkEditCutoff, type PortalAccess } from "./invitations.server";
import { responseSchema, speakerProfileSchema, talkDetailsSchema } from "./speaker-forms";

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
export function refuseSpeakerLink(door: Exclude<PortalDoor, { kind: "ok" }>): Response {
  switch (door.kind) {
    case "rate-limited":
      return new Response("Too many invalid speaker links from your network. Please try again later.", {
        status: 429,
        headers: { "Retry-After": String(door.retryAfterSeconds) },
      });
    case "revoked":
      return new Response("This speaker link has been withdrawn by the organizers. If you still need it, please ask them to send you a new one.", { status: 410 });
    case "expired":
      return new Response(`This speaker link for “${door.eventTitle}” has expired (links work until 30 days after the event). Please contact the organizers.`, { status: 410 });
    case "not-found":
      return new Response("This speaker link is not valid. It may have been replaced by a newer invitation.", { status: 404 });
  }
}

export function speakerActor(person: Pick<Person, "name">): Actor {
  return { userId: null, label: `Speaker: ${person.name}` };
}

function zoneOf(person: Person, event: Event): string {
  return person.homeZone ?? event.displayZones[0] ?? event.homeZone;
}

function sessionTimes(startsAt: Date | null, endsAt: Date | null, event: Event, zone: string) {
  const start = startsAt ?? event.startsAt;
  const end = endsAt ?? event.endsAt;
  return {
    yours: `${formatInstant(start, zone, "date")}, ${formatTimeRange({ startsAt: start, endsAt: end, zone })}`,
    eventZones: event.displayZones.map((z) => formatTimeRange({ startsAt: start, endsAt: end, zone: z })).join(" · "),
    timed: startsAt !== null,
  };
}

export async function loadPortal(db: Database, access: Extract<PortalAccess, { kind: "ok" }>, now: Date) {
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
    event: {
      title: event.title,
      status: event.status,
      publicUrl: event.status === "published" ? `/events/${event.slug}` : null,
      whenInEventZones: formatEventRange({ startsAt: event.startsAt, endsAt: event.endsAt, zones: event.displayZones }).text,
      whenForYou: `${formatInstant(event.startsAt, zone, "date")}, ${formatTimeRange({ startsAt: event.startsAt, endsAt: event.endsAt, zone })}`,
    },
    frozen: now >= cutoff,
    cutoff: formatInstant(cutoff, zone, "dateTime"),
    organizers,
    sessions: [...bySegment.values()].map((rows) => {
      const item = rows[0]!.item;
      return {
        id: item.id,
        kindLabel: AGENDA_KIND_LABEL[item.kind],
        title: item.title,
        abstract: item.abstract,
        materialsUrl: item.materialsUrl ?? "",
        roles: rows.map((r) => AGENDA_ROLE_LABEL[r.role]),
        ...sessionTimes(item.startsAt, item.endsAt, event, zone),
        withWhom: others
          .filter((o) => o.agendaItemId === item.id && o.personId !== person.id)
          .map((o) => ({ key: `${o.personId}-${o.role}`, text: `${AGENDA_ROLE_LABEL[o.role]}: ${personDisplayName(o)}${o.affiliation ? `, ${o.affiliation}` : ""}` })),
      };
    }),
    schedule: schedule.map((s) => ({
      key: `${s.item.id}-${s.role}`,
      eventTitle: s.event.title,
      segmentTitle: s.item.title,
      role: AGENDA_ROLE_LABEL[s.role],
      ...sessionTimes(s.item.startsAt, s.item.endsAt, s.event, zone),
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

export async function handlePortalAction(db: Database, request: Request, access: Extract<PortalAccess, { kind: "ok" }>, now: Date) {
  const formData = await request.formData();
  const intent = formData.get("intent");
  const { event, person, invitation } = access;
  const actor = speakerActor(person);

  if (intent === "respond") {
    const parsed = responseSchema.safeParse({ response: formData.get("response") });
    if (!parsed.success) return data({ form: "respond", ok: false, message: "Choose to confirm or decline." }, { status: 400 });
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
    return data({ form: "respond", ok: true, message: parsed.data.response === "confirmed" ? "Thank you: you have confirmed." : "You have declined; the organizers will be told." });
  }

  if (intent === "profile") {
    const submission = parseSubmission(formData, { schema: speakerProfileSchema });
    if (submission.status !== "success") return data({ form: "profile", ok: false, message: "Please correct the highlighted fields.", result: submission.reply() }, { status: 400 });
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
    if (changed.length === 0) return data({ form: "profile", ok: true, message: "Nothing changed.", result: submission.reply() });
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
    return data({ form: "profile", ok: true, message: "Your profile is saved; the public pages show it now.", result: submission.reply() });
  }

  if (intent === "talk") {
    const submission = parseSubmission(formData, { schema: talkDetailsSchema });
    const formId = String(formData.get("itemId") ?? "");
    if (now >= talkEditCutoff(event)) {
      return data(
        { form: `talk:${formId}`, ok: false, message: "Talk details are frozen now that the event is close. Please ask the organizers to make the change.", result: submission.reply() },
        { status: 409 },
      );
    }
    if (submission.status !== "success") return data({ form: `talk:${formId}`, ok: false, message: "Please correct the highlighted fields.", result: submission.reply() }, { status: 400 });
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
    if (outcome === null) return data({ form: `talk:${formId}`, ok: false, message: "That session is not one of yours." }, { status: 404 });
    return data({ form: `talk:${formId}`, ok: true, message: outcome.length ? "Saved; the public event page shows it now." : "Nothing changed.", result: submission.reply() });
  }

  return data({ form: "", ok: false, message: "Unknown action." }, { status: 400 });
}

/** The speaker's own sessions in this event as an .ics (one VEVENT per segment, UID per segment). */
export async function speakerCalendar(db: Database, access: Extract<PortalAccess, { kind: "ok" }>, origin: string): Promise<string> {
  const { event, person } = access;
  const rows = await segmentsOfPerson(db, event.id, person.id);
  const seen = new Set<string>();
  const sessions = rows.filter((r) => (seen.has(r.item.id) ? false : (seen.add(r.item.id), true)));
  return buildEventFeed({
    name: `${person.name}: ${event.title}`,
    events: sessions.map(({ item, role }) => ({
      id: item.id,
      slug: event.slug,
      title: `${item.title} (${AGENDA_ROLE_LABEL[role]}) — ${event.title}`,
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
