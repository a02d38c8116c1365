// Recording links after an event: add, publish, remove, and tell registrants
// (everyone confirmed, or only those who did not join) that they can watch it.
// The console says where a link really shows (the public page lists recordings
// only once a published event has ended), and emailing waits for the end and
// for a confirmation that names how many people will get it.
import { data } from "@remix-run/node";
import { and, asc, eq, isNotNull } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "~db/client.server";
import { recordingLinks, type Event, type User } from "~db/schema";
import { actorFor, recordAudit } from "~/audit/audit-log.server";
import type { LinkSigner } from "~/security/link-tokens.server";
import { translatedWebLink } from "./event-form";
import { consoleTranslatorFor } from "~/i18n/console-catalogues.server";
import { requestLocale } from "~/i18n/request-locale.server";
import type { Translate } from "~/i18n/translator";
import { notifyRecordingAvailable, recordingRecipients } from "./event-notifications.server";
import { lockEvent } from "./event-lock.server";
import { recordingsShowPublicly } from "./event-phase";
import { formatEventRange } from "~/time";
import { queueRecordingWebhook } from "~/webhooks/webhook-outbox.server";

export async function listRecordingsForEditing(db: Pick<Database, "select">, eventId: string) {
  return db.select().from(recordingLinks).where(eq(recordingLinks.eventId, eventId)).orderBy(asc(recordingLinks.position), asc(recordingLinks.createdAt));
}

const recordingSchemaIn = (t: Translate) =>
  z.object({
    label: z.string({ required_error: t("recordings.error.label") }).trim().min(1, t("recordings.error.label")).max(200, t("recordings.error.labelTooLong")),
    url: translatedWebLink({
      required: t("recordings.error.url.required"),
      tooLong: t("recordings.error.url.tooLong"),
      full: t("recordings.error.url.full"),
      scheme: t("recordings.error.url.scheme"),
    }),
    publish: z.preprocess((v) => v === "on", z.boolean()),
  });

export interface RecordingsActionData {
  ok: boolean;
  message: string;
  /** "new" when the result belongs to the "add a recording" form. */
  formId?: string;
  fieldErrors?: Record<string, string[]>;
  values?: Record<string, string>;
  /** "Email N people?": asked before the recording notice goes out. */
  confirmNotify?: { audience: "all" | "absentees"; count: number };
}

/** Where a published recording link can be seen now, in the organizer's words. */
export function recordingVisibility(event: Pick<Event, "status" | "startsAt" | "endsAt">, now: Date, t: Translate = consoleTranslatorFor("en")): string {
  if (recordingsShowPublicly(event, now)) return t("recordings.visibility.public");
  if (event.status === "cancelled") return t("recordings.visibility.cancelled");
  if (event.status === "draft") return t("recordings.visibility.draft");
  return t("recordings.visibility.later");
}

const reply = (body: RecordingsActionData, status = body.ok ? 200 : 409) => data<RecordingsActionData>(body, { status });

export async function handleRecordingsAction(db: Database, request: Request, { user, event, links }: { user: User; event: Event; links: LinkSigner }) {
  const locale = requestLocale(request);
  const t = consoleTranslatorFor(locale);
  const form = await request.formData();
  const values: Record<string, string> = {};
  for (const [key, value] of form) if (typeof value === "string") values[key] = value.slice(0, 5000);
  const actor = actorFor(user);
  const recordingId = z.string().uuid().safeParse(values.recordingId);

  return db.transaction(async (tx) => {
    const locked = await lockEvent(tx, event.id);
    if (!locked) return reply({ ok: false, message: t("notice.eventGone") }, 404);
    const existing = await tx.select().from(recordingLinks).where(eq(recordingLinks.eventId, event.id)).orderBy(asc(recordingLinks.position));
    switch (values.intent) {
      case "add": {
        const parsed = recordingSchemaIn(t).safeParse(values);
        if (!parsed.success) return reply({ ok: false, message: t("notice.correctFields"), fieldErrors: parsed.error.flatten().fieldErrors as Record<string, string[]>, values }, 400);
        if (existing.length >= 20) return reply({ ok: false, message: t("recordings.atMost") });
        const [added] = await tx
          .insert(recordingLinks)
          .values({
            eventId: event.id,
            label: parsed.data.label,
            url: parsed.data.url,
            position: existing.length,
            publishedAt: parsed.data.publish ? new Date() : null,
          })
          .returning();
        if (added!.publishedAt) await queueRecordingWebhook(tx, { event: locked, recording: added! });
        await recordAudit(tx, { actor, eventId: event.id, action: "recording.added", summary: `Added recording “${parsed.data.label}”${parsed.data.publish ? " (published)" : ""}` });
        return reply({
          ok: true,
          message: parsed.data.publish
            ? t("recordings.done.addedPublished", { label: parsed.data.label, visibility: recordingVisibility(locked, new Date(), t) })
            : t("recordings.done.addedUnpublished", { label: parsed.data.label }),
          formId: "new",
        });
      }
      case "publish":
      case "unpublish":
      case "delete": {
        const target = recordingId.success ? existing.find((r) => r.id === recordingId.data) : undefined;
        if (!target) return reply({ ok: false, message: t("recordings.gone") }, 404);
        if (values.intent === "delete") await tx.delete(recordingLinks).where(and(eq(recordingLinks.id, target.id), eq(recordingLinks.eventId, event.id)));
        else {
          const [changed] = await tx
            .update(recordingLinks)
            .set({ publishedAt: values.intent === "publish" ? new Date() : null })
            .where(eq(recordingLinks.id, target.id))
            .returning();
          if (changed!.publishedAt && !target.publishedAt) await queueRecordingWebhook(tx, { event: locked, recording: changed! });
        }
        const verb = { publish: "Published", unpublish: "Unpublished", delete: "Removed" }[values.intent];
        await recordAudit(tx, { actor, eventId: event.id, action: `recording.${values.intent === "delete" ? "deleted" : `${values.intent}ed`}`, summary: `${verb} recording “${target.label}”` });
        return reply({
          ok: true,
          message:
            values.intent === "publish"
              ? t("recordings.done.published", { label: target.label, visibility: recordingVisibility(locked, new Date(), t) })
              : t(values.intent === "unpublish" ? "recordings.done.unpublished" : "recordings.done.removed", { label: target.label }),
        });
      }
      case "notify-ask":
      case "notify": {
        if (locked.endsAt > new Date()) {
          const ends = formatEventRange({ startsAt: locked.startsAt, endsAt: locked.endsAt, zones: locked.displayZones, locale }).text;
          return reply({ ok: false, message: t("recordings.notYet", { when: ends }) });
        }
        const published = await tx
          .select({ label: recordingLinks.label, url: recordingLinks.url })
          .from(recordingLinks)
          .where(and(eq(recordingLinks.eventId, event.id), isNotNull(recordingLinks.publishedAt)))
          .orderBy(asc(recordingLinks.position));
        if (published.length === 0) return reply({ ok: false, message: t("recordings.publishFirst") });
        const onlyAbsentees = values.audience === "absentees";
        if (values.intent === "notify-ask" || values.confirm !== "yes") {
          const count = (await recordingRecipients(tx, { eventId: event.id, recordings: published, onlyAbsentees })).length;
          if (count === 0) return reply({ ok: false, message: t("recordings.nobodyNew") });
          return reply({ ok: true, message: "", confirmNotify: { audience: onlyAbsentees ? "absentees" : "all", count } });
        }
        const queued = await notifyRecordingAvailable(tx, { event: locked, recordings: published, onlyAbsentees, links });
        await recordAudit(tx, {
          actor,
          eventId: event.id,
          action: "recording.notified",
          summary: `Emailed ${queued} registrant${queued === 1 ? "" : "s"}${onlyAbsentees ? " who did not attend" : ""} that the recording is available`,
        });
        return reply({
          ok: true,
          message: queued ? t("recordings.done.notified", { count: queued }) : t("recordings.nobodyNew"),
        });
      }
      default:
        return reply({ ok: false, message: t("notice.unknownAction") }, 400);
    }
  });
}
