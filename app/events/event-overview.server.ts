// The event overview in the console: where it stands, its numbers, who runs it,
// and the actions that change its state (publish, cancel, share).
import { data, redirect } from "@remix-run/node";
import { z } from "zod";
import type { Database } from "~db/client.server";
import type { Event, User } from "~db/schema";
import type { LinkSigner } from "~/security/link-tokens.server";
import { formatEventRange } from "~/time";
import { consoleTranslatorFor } from "~/i18n/console-catalogues.server";
import type { Locale } from "~/i18n/locales";
import type { Translate } from "~/i18n/translator";
import { addCoOrganizer, cancelEvent, listEventOrganizers, publishEvent } from "./event-admin.server";
import { describeShift, segmentsOutsideEvent } from "~/agenda/programme-move.server";
import { deleteDraftEvent, unpublishEvent } from "./event-lifecycle.server";
import { attendanceRate, fillRate, percent, registrationCounts, registrationsPerDay } from "./event-stats.server";

/** The message after a save or creation, from what the edit action put in the address. */
export function saveNotice(search: URLSearchParams, t: Translate = consoleTranslatorFor("en")): string | null {
  const notice = search.get("notice");
  if (notice === "created") return t("eventOverview.notice.created");
  if (notice === "duplicated") return t("eventOverview.notice.duplicated");
  if (notice !== "saved") return null;
  const said = [t("eventOverview.notice.saved")];
  const [moved, minutes] = (search.get("moved") ?? "").split(":").map(Number);
  if (moved && minutes) said.push(t("eventOverview.notice.moved", { count: moved, shift: describeShift(minutes, t) }));
  const promoted = Number(search.get("promoted"));
  if (promoted > 0) said.push(t("eventOverview.notice.promoted", { count: promoted }));
  const notified = Number(search.get("notified"));
  if (notified > 0) said.push(t("eventOverview.notice.notified", { count: notified }));
  return said.join(t("eventOverview.notice.separator"));
}

export async function loadEventOverview(db: Database, event: Event, now: Date, search = new URLSearchParams(), locale: Locale = "en") {
  const t = consoleTranslatorFor(locale);
  const [counts, perDay, organizers, outside] = await Promise.all([
    registrationCounts(db, event.id),
    registrationsPerDay(db, event),
    listEventOrganizers(db, event.id),
    segmentsOutsideEvent(db, event),
  ]);
  return {
    notice: saveNotice(search, t),
    /** Agenda segments outside the event's time, shown here too so a save that causes them says so. */
    outside,
    event: {
      id: event.id,
      slug: event.slug,
      status: event.status,
      when: formatEventRange({ startsAt: event.startsAt, endsAt: event.endsAt, zones: event.displayZones, locale }).text,
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

const overviewIntentIn = (t: Translate) =>
  z.discriminatedUnion("intent", [
    z.object({ intent: z.literal("publish") }),
    z.object({ intent: z.literal("cancel"), confirm: z.literal("yes", { errorMap: () => ({ message: t("eventOverview.validation.confirmCancel") }) }) }),
    z.object({ intent: z.literal("share"), email: z.string().trim().email(t("eventOverview.validation.shareEmail")) }),
    z.object({ intent: z.literal("unpublish") }),
    z.object({ intent: z.literal("delete"), confirm: z.literal("yes", { errorMap: () => ({ message: t("eventOverview.validation.confirmDelete") }) }) }),
  ]);

export type OverviewActionData = { ok: boolean; message: string };

export async function handleEventOverviewAction(
  db: Database,
  request: Request,
  { user, event, links, t = consoleTranslatorFor("en") }: { user: User; event: Event; links: LinkSigner; t?: Translate },
) {
  const form = Object.fromEntries(await request.formData());
  const parsed = overviewIntentIn(t).safeParse(form);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const unknown = !issue || issue.code === "invalid_union_discriminator";
    return data<OverviewActionData>({ ok: false, message: unknown ? t("notice.unknownAction") : issue.message }, { status: 400 });
  }
  switch (parsed.data.intent) {
    case "publish": {
      const outcome = await publishEvent(db, { user, eventId: event.id, t });
      return outcome.ok ? data<OverviewActionData>({ ok: true, message: t("eventOverview.published") }) : data<OverviewActionData>({ ok: false, message: outcome.message }, { status: 409 });
    }
    case "cancel": {
      const outcome = await cancelEvent(db, { user, eventId: event.id, links, t });
      return outcome.ok
        ? data<OverviewActionData>({ ok: true, message: t("eventOverview.cancelled", { count: outcome.notified }) })
        : data<OverviewActionData>({ ok: false, message: outcome.message }, { status: 409 });
    }
    case "unpublish": {
      const outcome = await unpublishEvent(db, { user, eventId: event.id, t });
      return outcome.ok
        ? data<OverviewActionData>({ ok: true, message: t("eventOverview.unpublished") })
        : data<OverviewActionData>({ ok: false, message: outcome.message }, { status: 409 });
    }
    case "delete": {
      const outcome = await deleteDraftEvent(db, { user, eventId: event.id, t });
      if (!outcome.ok) return data<OverviewActionData>({ ok: false, message: outcome.message }, { status: 409 });
      throw redirect(`/admin/events?notice=deleted&title=${encodeURIComponent(outcome.event.title.slice(0, 200))}`);
    }
    case "share": {
      const outcome = await addCoOrganizer(db, { user, eventId: event.id, email: parsed.data.email, t });
      return outcome.ok ? data<OverviewActionData>({ ok: true, message: t("eventOverview.shared", { email: parsed.data.email }) }) : data<OverviewActionData>({ ok: false, message: outcome.message }, { status: 400 });
    }
  }
}
