// One schema for the organizer's event form, used by the browser (Conform) and
// the server. Times are entered as a wall-clock date and time in a chosen zone;
// the server turns them into instants through app/time.
import { z } from "zod";
import { isValidTimeZone } from "~/time";
import type { Translate } from "~/i18n/translator";
import { SLUG_PATTERN } from "./directory-fields";

export const TITLE_MAX = 200;
export const SUMMARY_MAX = 500;
export const DESCRIPTION_MAX = 20_000;
export const HOST_CHOICES = ["none", "host", "co_host", "partner"] as const;
export type HostChoice = (typeof HOST_CHOICES)[number];
export const MAX_DISPLAY_ZONES = 4;
export const MAX_REMINDERS = 5;

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^\d{2}:\d{2}$/;

/** A reminder list that cannot be read: too many, or one part that is no number of hours. */
export type ReminderError = { kind: "too-many" } | { kind: "not-hours"; part: string };

/** "24, 1" → [1440, 60]: reminder offsets typed in hours, stored in minutes, latest first. */
export function parseReminderHours(text: string): { minutes: number[] } | { error: ReminderError } {
  const parts = text
    .split(/[,\s]+/)
    .map((part) => part.trim())
    .filter(Boolean);
  if (parts.length > MAX_REMINDERS) return { error: { kind: "too-many" } };
  const minutes: number[] = [];
  for (const part of parts) {
    const hours = Number(part);
    if (!Number.isFinite(hours) || hours <= 0 || hours > 720) return { error: { kind: "not-hours", part } };
    minutes.push(Math.round(hours * 60));
  }
  return { minutes: [...new Set(minutes)].sort((a, b) => b - a) };
}

export function formatReminderHours(minutes: number[]): string {
  return minutes.map((m) => String(Math.round((m / 60) * 100) / 100)).join(", ");
}

/**
 * An http(s) link, with one reason when it is refused (zod's url() alone also accepts
 * javascript: and mailto:). `messages` are the reader's words for this link.
 */
export function translatedWebLink(messages: { required: string; tooLong: string; full: string; scheme: string }) {
  return z
    .string({ required_error: messages.required })
    .trim()
    .max(2000, messages.tooLong)
    .superRefine((text, ctx) => {
      let url: URL;
      try {
        url = new URL(text);
      } catch {
        ctx.addIssue({ code: "custom", message: messages.full });
        return;
      }
      if (url.protocol !== "https:" && url.protocol !== "http:") ctx.addIssue({ code: "custom", message: messages.scheme });
    });
}

/** The event form's schema, its messages in the reader's language (page and server build it with the same `t`). */
export function eventFormSchemaIn(t: Translate) {
  const optionalText = (max: number, field: "summary" | "description") =>
    z.string().trim().max(max, t(`eventForm.error.${field}TooLong`, { max })).optional().default("");
  const zoneFromList = t("eventForm.error.zoneFromList");
  const zone = (message: string) => z.string({ required_error: message }).trim().refine(isValidTimeZone, zoneFromList);
  const optionalZone = z.string().trim().refine(isValidTimeZone, zoneFromList).optional();
  const optionalInteger = (field: "capacity" | "cutoff", min: number, max: number) =>
    z.coerce
      .number({ invalid_type_error: t(`eventForm.error.${field}Whole`) })
      .int(t(`eventForm.error.${field}Whole`))
      .min(min, t(`eventForm.error.${field}Min`, { min }))
      .max(max, t(`eventForm.error.${field}Max`, { max }))
      .optional();
  const wallTime = (which: "opening" | "closing") => ({
    date: z.string().trim().regex(DATE, t(`eventForm.error.${which}Date`)).optional(),
    time: z.string().trim().regex(TIME, t(`eventForm.error.${which}Time`)).optional(),
  });
  return z
    .object({
      title: z
        .string({ required_error: t("eventForm.error.title") })
        .trim()
        .min(1, t("eventForm.error.title"))
        .max(TITLE_MAX, t("eventForm.error.titleTooLong", { max: TITLE_MAX })),
      slug: z.string().trim().toLowerCase().max(80, t("eventForm.error.slugTooLong")).regex(SLUG_PATTERN, t("eventForm.error.slugPattern")).optional(),
      summary: optionalText(SUMMARY_MAX, "summary"),
      descriptionMd: optionalText(DESCRIPTION_MAX, "description"),
      seriesId: z.string().uuid(t("eventForm.error.seriesFromList")).optional(),
      startDate: z.string({ required_error: t("eventForm.error.startDate") }).trim().regex(DATE, t("eventForm.error.startDateFormat")),
      startTime: z.string({ required_error: t("eventForm.error.startTime") }).trim().regex(TIME, t("eventForm.error.startTimeFormat")),
      startZone: zone(t("eventForm.error.startZone")),
      durationMinutes: z.coerce
        .number({ required_error: t("eventForm.error.duration"), invalid_type_error: t("eventForm.error.durationNumber") })
        .int(t("eventForm.error.durationWhole"))
        .min(5, t("eventForm.error.durationMin"))
        .max(14 * 24 * 60, t("eventForm.error.durationMax")),
      zone1: zone(t("eventForm.error.zone1")),
      zone2: optionalZone,
      zone3: optionalZone,
      zone4: optionalZone,
      capacity: optionalInteger("capacity", 1, 1_000_000),
      requiresApproval: z.preprocess((v) => v === "on" || v === true, z.boolean()),
      registrationOpensDate: wallTime("opening").date,
      registrationOpensTime: wallTime("opening").time,
      registrationClosesDate: wallTime("closing").date,
      registrationClosesTime: wallTime("closing").time,
      reminderHours: z.string().trim().max(100, t("eventForm.error.tooManyReminders")).optional().default(""),
      joinUrl: translatedWebLink({
        required: t("eventForm.error.joinUrl.required"),
        tooLong: t("eventForm.error.joinUrl.tooLong"),
        full: t("eventForm.error.joinUrl.full"),
        scheme: t("eventForm.error.joinUrl.scheme"),
      }).optional(),
      speakerCutoffHours: optionalInteger("cutoff", 0, 720),
      hosts: z.record(z.string().uuid(), z.enum(HOST_CHOICES)).optional().default({}),
    })
    .superRefine((value, ctx) => {
      const reminders = parseReminderHours(value.reminderHours);
      if ("error" in reminders) {
        const message =
          reminders.error.kind === "too-many" ? t("eventForm.error.remindersAtMost", { max: MAX_REMINDERS }) : t("eventForm.error.reminderHours", { part: reminders.error.part });
        ctx.addIssue({ code: "custom", path: ["reminderHours"], message });
      }
      for (const prefix of ["registrationOpens", "registrationCloses"] as const) {
        const date = value[`${prefix}Date`];
        const time = value[`${prefix}Time`];
        if (Boolean(date) !== Boolean(time)) {
          ctx.addIssue({ code: "custom", path: [date ? `${prefix}Time` : `${prefix}Date`], message: t("eventForm.error.bothOrNeither") });
        }
      }
      const zones = [value.zone1, value.zone2, value.zone3, value.zone4].filter(Boolean);
      if (new Set(zones).size !== zones.length) ctx.addIssue({ code: "custom", path: ["zone2"], message: t("eventForm.error.zoneOnce") });
    });
}

export type EventFormValues = z.infer<ReturnType<typeof eventFormSchemaIn>>;

export function displayZonesOf(values: Pick<EventFormValues, "zone1" | "zone2" | "zone3" | "zone4">): string[] {
  return [values.zone1, values.zone2, values.zone3, values.zone4].filter((z): z is string => Boolean(z));
}
