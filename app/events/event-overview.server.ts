// The event overview in the console: where it stands, its numbers, who runs it,
// and the actions that change its state (publish, cancel, share).
import { data, redirect } from "@remix-run/node";
import { z } from "zod";
import type { Database } from "~db/client.server";
import type { Event, User } from "~db/schema";
import type { LinkSigner } from "~/security/link-tokens.server";
import { formatEventRange } from "~/time";
import { addCoOrganizer, cancelEvent, listEventOrganizers, publishEvent } from "./event-admin.server";
import { describeShift, segmentsOutsideEvent } from "~/agenda/programme-move.server";
import { deleteDraftEvent, unpublishEvent } from "./event-lifecycle.server";
import { attendanceRate, fillRate, percent, registrationCounts, registrationsPerDay } from "./event-stats.server";

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** The message after a save or creation, from what the edit action put in the address. */
export function saveNotice(search: URLSearchParams): string | null {
  const notice = search.get("notice");
  if (notice === "created") return "Draft created. Build the agenda, then publish.";
  if (notice === "duplicated") return "Copy created as a draft, with the agenda, questions and settings. Add its webinar link, check the agenda times, then publish.";
  if (notice !== "saved") return null;
  const said = ["Changes saved."];
  const [moved, minutes] = (search.get("moved") ?? "").split(":").map(Number);
  if (moved && minutes) said.push(`The programme moved with the event: ${plural(moved, "agenda segment")} now ${moved === 1 ? "starts" : "start"} ${describeShift(minutes)}.`);
  const promoted = Number(search.get("promoted"));
  if (promoted > 0) said.push(`${promoted === 1 ? "1 person" : `${promoted} people`} moved up from the waitlist into the freed seats and will be emailed.`);
  const notified = Number(search.get("notified"));
  if (notified > 0) said.push(`${plural(notified, "registrant")} will be emailed about the change.`);
  return said.join(" ");
}

export async function loadEventOverview(db: Database, event: Event, now: Date, search = new URLSearchParams()) {
  const [counts, perDay, organizers, outside] = await Promise.all([
    registrationCounts(db, event.id),
    registrationsPerDay(db, event),
    listEventOrganizers(db, event.id),
    segmentsOutsideEvent(db, event),
  ]);
  return {
    notice: saveNotice(search),
    /** Agenda segments outside the event's time, shown here too so a save that causes them says so. */
    outside,
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
    // Deleting and unpublishing are offered only while nobody has registered (the rule itself lives in event-lifecycle).
    registeredEver: counts.total > 0,
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
  z.object({ intent: z.literal("unpublish") }),
  z.object({ intent: z.literal("delete"), confirm: z.literal("yes", { errorMap: () => ({ message: "Tick the box to confirm that the draft should be deleted." }) }) }),
]);

export type OverviewActionData = { ok: boolean; message: string };

export async function handleEventOverviewAction(db: Database, request: Request, { user, event, links }: { user: User; event: Event; links: LinkSigner }) {
  const form = Object.fromEntries(await request.formData());
  const parsed = overviewIntent.safeParse(form);
  if (!parsed.success) {
    const message = parsed.error.issues[0]?.message ?? "Unknown action.";
    return data<OverviewActionData>({ ok: false, message: message.startsWith("Invalid discriminator value") ? "Unknown action." : message }, { status: 400 });
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
    case "unpublish": {
      const outcome = await unpublishEvent(db, { user, eventId: event.id });
      return outcome.ok
        ? data<OverviewActionData>({ ok: true, message: "Unpublished: the event is a draft again, off the public site and feeds." })
        : data<OverviewActionData>({ ok: false, message: outcome.message }, { status: 409 });
    }
    case "delete": {
      const outcome = await deleteDraftEvent(db, { user, eventId: event.id });
      if (!outcome.ok) return data<OverviewActionData>({ ok: false, message: outcome.message }, { status: 409 });
      throw redirect(`/admin/events?notice=deleted&title=${encodeURIComponent(outcome.event.title.slice(0, 200))}`);
    }
    case "share": {
      const outcome = await addCoOrganizer(db, { user, eventId: event.id, email: parsed.data.email });
      return outcome.ok ? data<OverviewActionData>({ ok: true, message: `Shared with ${parsed.data.email}.` }) : data<OverviewActionData>({ ok: false, message: outcome.message }, { status: 400 });
    }
  }
}
