// The event overview in the console: where it stands, its numbers, who runs it,
// and the actions that change its state (publish, cancel, share).
import { data } from "@remix-run/node";
import { z } from "zod";
import type { Database } from "~db/client.server";
import type { Event, User } from "~db/schema";
import type { LinkSigner } from "~/security/link-tokens.server";
import { formatEventRange } from "~/time";
import { addCoOrganizer, cancelEvent, listEventOrganizers, publishEvent } from "./event-admin.server";
import { attendanceRate, fillRate, percent, registrationCounts, registrationsPerDay } from "./event-stats.server";

export async function loadEventOverview(db: Database, event: Event, now: Date) {
  const [counts, perDay, organizers] = await Promise.all([
    registrationCounts(db, event.id),
    registrationsPerDay(db, event),
    listEventOrganizers(db, event.id),
  ]);
  return {
    event: {
      id: event.id,
      slug: event.slug,
      status: event.status,
      when: formatEventRange({ startsAt: event.startsAt, endsAt: event.endsAt, zones: event.displayZones }).text,
      capacity: event.capacity,
      requiresApproval: event.requiresApproval,
      hasJoinUrl: Boolean(event.joinUrl),
      ended: event.endsAt <= now,
    },
    counts,
    fill: percent(fillRate(counts.confirmed, event.capacity)),
    attendance: event.endsAt <= now ? percent(attendanceRate(counts)) : null,
    perDay,
    organizers,
  };
}

const overviewIntent = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("publish") }),
  z.object({ intent: z.literal("cancel"), confirm: z.literal("yes", { errorMap: () => ({ message: "Tick the box to confirm the cancellation." }) }) }),
  z.object({ intent: z.literal("share"), email: z.string().trim().email("Enter the organizer's email address") }),
]);

export type OverviewActionData = { ok: boolean; message: string };

export async function handleEventOverviewAction(db: Database, request: Request, { user, event, links }: { user: User; event: Event; links: LinkSigner }) {
  const form = Object.fromEntries(await request.formData());
  const parsed = overviewIntent.safeParse(form);
  if (!parsed.success) {
    const message = parsed.error.issues[0]?.message ?? "Unknown action.";
    return data<OverviewActionData>({ ok: false, message: message === "Invalid discriminator value. Expected 'publish' | 'cancel' | 'share'" ? "Unknown action." : message }, { status: 400 });
  }
  switch (parsed.data.intent) {
    case "publish": {
      const outcome = await publishEvent(db, { user, eventId: event.id });
      return outcome.ok ? data<OverviewActionData>({ ok: true, message: "Published: the event is on the public site." }) : data<OverviewActionData>({ ok: false, message: outcome.message }, { status: 409 });
    }
    case "cancel": {
      const outcome = await cancelEvent(db, { user, eventId: event.id, links });
      return outcome.ok
        ? data<OverviewActionData>({ ok: true, message: `Cancelled. ${outcome.notified} registrant${outcome.notified === 1 ? "" : "s"} will be emailed.` })
        : data<OverviewActionData>({ ok: false, message: outcome.message }, { status: 409 });
    }
    case "share": {
      const outcome = await addCoOrganizer(db, { user, eventId: event.id, email: parsed.data.email });
      return outcome.ok ? data<OverviewActionData>({ ok: true, message: `Shared with ${parsed.data.email}.` }) : data<OverviewActionData>({ ok: false, message: outcome.message }, { status: 400 });
    }
  }
}
