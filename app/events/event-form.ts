// One schema for the organizer's event form, used by the browser (Conform) and
// the server. Times are entered as a wall-clock date and time in a chosen zone;
// the server turns them into instants through app/time.
import { z } from "zod";
import { isValidTimeZone } from "~/time";
import { optionalWebLink, SLUG_PATTERN } from "./directory-fields";

export const TITLE_MAX = 200;
export const SUMMARY_MAX = 500;
export const DESCRIPTION_MAX = 20_000;
export const HOST_CHOICES = ["none", "host", "co_host", "partner"] as const;
export type HostChoice = (typeof HOST_CHOICES)[number];
export const MAX_DISPLAY_ZONES = 4;
export const MAX_REMINDERS = 5;

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^\d{2}:\d{2}$/;

const optionalText = (max: number, label: string) =>
  z.string().trim().max(max, `Keep the ${label} under ${max} characters`).optional().default("");

const zone = (message: string) => z.string({ required_error: message }).trim().refine(isValidTimeZone, "Choose a time zone from the list");
const optionalZone = z.string().trim().refine(isValidTimeZone, "Choose a time zone from the list").optional();

const optionalInteger = (label: string, min: number, max: number) =>
  z.coerce
    .number({ invalid_type_error: `${label} must be a whole number` })
    .int(`${label} must be a whole number`)
    .min(min, `${label} must be at least ${min}`)
    .max(max, `${label} can be at most ${max}`)
    .optional();

/** "24, 1" → [1440, 60]: reminder offsets typed in hours, stored in minutes, latest first. */
export function parseReminderHours(text: string): { minutes: number[] } | { error: string } {
  const parts = text
    .split(/[,\s]+/)
    .map((part) => part.trim())
    .filter(Boolean);
  if (parts.length > MAX_REMINDERS) return { error: `At most ${MAX_REMINDERS} reminders` };
  const minutes: number[] = [];
  for (const part of parts) {
    const hours = Number(part);
    if (!Number.isFinite(hours) || hours <= 0 || hours > 720) return { error: `“${part}” is not a number of hours between 0 and 720` };
    minutes.push(Math.round(hours * 60));
  }
  return { minutes: [...new Set(minutes)].sort((a, b) => b - a) };
}

export function formatReminderHours(minutes: number[]): string {
  return minutes.map((m) => String(Math.round((m / 60) * 100) / 100)).join(", ");
}

const wallTime = (label: string) => ({
  date: z.string().trim().regex(DATE, `Enter the ${label} date as YYYY-MM-DD`).optional(),
  time: z.string().trim().regex(TIME, `Enter the ${label} time as HH:MM`).optional(),
});

export const eventFormSchema = z
  .object({
    title: z.string({ required_error: "Give the event a title" }).trim().min(1, "Give the event a title").max(TITLE_MAX, `Keep the title under ${TITLE_MAX} characters`),
    slug: z
      .string()
      .trim()
      .toLowerCase()
      .max(80, "Keep the address under 80 characters")
      .regex(SLUG_PATTERN, "Use lowercase letters, digits and single hyphens, like hkust-kth-webinar")
      .optional(),
    summary: optionalText(SUMMARY_MAX, "summary"),
    descriptionMd: optionalText(DESCRIPTION_MAX, "description"),
    seriesId: z.string().uuid("Choose a series from the list").optional(),
    startDate: z.string({ required_error: "Enter the start date" }).trim().regex(DATE, "Enter the start date as YYYY-MM-DD"),
    startTime: z.string({ required_error: "Enter the start time" }).trim().regex(TIME, "Enter the start time as HH:MM"),
    startZone: zone("Choose the zone the start time is in"),
    durationMinutes: z.coerce
      .number({ required_error: "Enter the duration in minutes", invalid_type_error: "The duration must be a number of minutes" })
      .int("The duration must be a whole number of minutes")
      .min(5, "An event lasts at least 5 minutes")
      .max(14 * 24 * 60, "An event lasts at most 14 days"),
    zone1: zone("Choose the first display zone"),
    zone2: optionalZone,
    zone3: optionalZone,
    zone4: optionalZone,
    capacity: optionalInteger("Capacity", 1, 1_000_000),
    requiresApproval: z.preprocess((v) => v === "on" || v === true, z.boolean()),
    registrationOpensDate: wallTime("opening").date,
    registrationOpensTime: wallTime("opening").time,
    registrationClosesDate: wallTime("closing").date,
    registrationClosesTime: wallTime("closing").time,
    reminderHours: z.string().trim().max(100, "Too many reminders").optional().default(""),
    joinUrl: optionalWebLink("webinar link"),
    speakerCutoffHours: optionalInteger("The speaker cut-off", 0, 720),
    hosts: z.record(z.string().uuid(), z.enum(HOST_CHOICES)).optional().default({}),
  })
  .superRefine((value, ctx) => {
    const reminders = parseReminderHours(value.reminderHours);
    if ("error" in reminders) ctx.addIssue({ code: "custom", path: ["reminderHours"], message: reminders.error });
    for (const prefix of ["registrationOpens", "registrationCloses"] as const) {
      const date = value[`${prefix}Date`];
      const time = value[`${prefix}Time`];
      if (Boolean(date) !== Boolean(time)) {
        ctx.addIssue({ code: "custom", path: [date ? `${prefix}Time` : `${prefix}Date`], message: "Enter both a date and a time, or neither" });
      }
    }
    const zones = [value.zone1, value.zone2, value.zone3, value.zone4].filter(Boolean);
    if (new Set(zones).size !== zones.length) ctx.addIssue({ code: "custom", path: ["zone2"], message: "Each display zone only once" });
  });

export type EventFormValues = z.infer<typeof eventFormSchema>;

export function displayZonesOf(values: Pick<EventFormValues, "zone1" | "zone2" | "zone3" | "zone4">): string[] {
  return [values.zone1, values.zone2, values.zone3, values.zone4].filter((z): z is string => Boolean(z));
}
