// The registrations screen's one action. Every id is checked against this event:
// an id from another event is "not found", never acted on.
import { data } from "@remix-run/node";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "~db/client.server";
import { registrations, type Event, type User } from "~db/schema";
import { actorFor } from "~/audit/audit-log.server";
import type { LinkSigner } from "~/security/link-tokens.server";
import { isValidTimeZone } from "~/time";
import { decidePendingRegistration } from "./decisions.server";
import { cancelRegistration } from "./manage.server";
import { registerAttendee } from "./register.server";
import { refusalMessage } from "./registration-action.server";
import { AFFILIATION_MAX, EMAIL_MAX, NAME_MAX } from "./registration-form";
import { listEventRegistrations, promoteByHand } from "./registrations-admin.server";
import { parseStatusFilter } from "./registration-status";

export interface RegistrationsActionData {
  ok: boolean;
  message: string;
  confirmCancel?: { id: string; name: string };
  fieldErrors?: Record<string, string[]>;
  values?: Record<string, string>;
}

const uuid = z.string().uuid();
const MAX_BULK = 500;

const addByHandSchema = z.object({
  name: z.string({ required_error: "Enter the person's name" }).trim().min(1, "Enter the person's name").max(NAME_MAX, `Keep the name under ${NAME_MAX} characters`),
  email: z.string({ required_error: "Enter an email address" }).trim().max(EMAIL_MAX, "That email address is too long").email("Enter a valid email address"),
  affiliation: z.string().trim().max(AFFILIATION_MAX, `Keep the affiliation under ${AFFILIATION_MAX} characters`).optional().default(""),
  timeZone: z.string({ required_error: "Choose their time zone" }).trim().refine(isValidTimeZone, "Choose a time zone from the list"),
});

/** The pending registrations the screen lists under its current search and status filter. */
async function pendingMatching(db: Database, event: Event, form: FormData): Promise<string[]> {
  const query = String(form.get("q") ?? "").slice(0, 100);
  const status = parseStatusFilter(String(form.get("status") ?? ""));
  if (status && status !== "pending") return [];
  const rows = await listEventRegistrations(db, event, { query, status: "pending", limit: MAX_BULK });
  return rows.map((r) => r.id);
}

const reply = (body: RegistrationsActionData, status = body.ok ? 200 : 409) => data<RegistrationsActionData>(body, { status });

export async function handleRegistrationsAction(db: Database, request: Request, { user, event, links }: { user: User; event: Event; links: LinkSigner }) {
  const form = await request.formData();
  const intent = String(form.get("intent") ?? "");
  const actor = actorFor(user);
  const now = new Date();
  const one = uuid.safeParse(form.get("registrationId"));

  switch (intent) {
    case "approve":
    case "decline": {
      if (!one.success) return reply({ ok: false, message: "That registration does not exist." }, 400);
      const outcome = await decidePendingRegistration(db, { registrationId: one.data, decision: intent, now, links, actor, eventId: event.id });
      if (outcome.kind === "not-found") return reply({ ok: false, message: "That registration does not exist." }, 404);
      if (outcome.kind === "not-pending") return reply({ ok: false, message: "That registration was already decided." });
      const name = outcome.registration.name;
      return reply({
        ok: true,
        message:
          outcome.kind === "approved"
            ? `Approved ${name}; they will be emailed.`
            : outcome.kind === "waitlisted"
              ? `Approved ${name}, but no seat is free: they joined the end of the waitlist as number ${outcome.waitlistRank}, behind everyone already waiting.`
              : `Declined ${name}; they will be emailed.`,
      });
    }
    case "bulk-approve":
    case "bulk-decline":
    case "bulk-approve-all":
    case "bulk-decline-all": {
      // "…-all" is "select all" without JavaScript: every pending registration matching the filter on screen.
      const all = intent.endsWith("-all");
      const ids = all ? await pendingMatching(db, event, form) : form.getAll("ids").map(String);
      if (ids.length === 0) return reply({ ok: false, message: all ? "No pending registration matches this filter." : "Tick at least one pending registration first." }, 400);
      if (ids.length > MAX_BULK || !ids.every((id) => uuid.safeParse(id).success)) return reply({ ok: false, message: "That selection is not valid; reload the page." }, 400);
      const decision = intent.startsWith("bulk-approve") ? "approve" : "decline";
      let decided = 0;
      let skipped = 0;
      for (const id of new Set(ids)) {
        const outcome = await decidePendingRegistration(db, { registrationId: id, decision, now, links, actor, eventId: event.id });
        if (outcome.kind === "approved" || outcome.kind === "waitlisted" || outcome.kind === "declined") decided += 1;
        else skipped += 1;
      }
      return reply({
        ok: decided > 0,
        message: `${decision === "approve" ? "Approved" : "Declined"} ${decided} registration${decided === 1 ? "" : "s"}${skipped ? `; ${skipped} were no longer pending` : ""}.`,
      });
    }
    case "promote": {
      if (!one.success) return reply({ ok: false, message: "That registration does not exist." }, 400);
      return reply(await promoteByHand(db, { eventId: event.id, registrationId: one.data, actor, now, links }));
    }
    case "cancel-ask":
    case "cancel": {
      if (!one.success) return reply({ ok: false, message: "That registration does not exist." }, 400);
      const [registration] = await db
        .select({ id: registrations.id, name: registrations.name, status: registrations.status })
        .from(registrations)
        .where(and(eq(registrations.id, one.data), eq(registrations.eventId, event.id)));
      if (!registration) return reply({ ok: false, message: "That registration does not exist." }, 404);
      if (intent === "cancel-ask") return reply({ ok: true, message: "", confirmCancel: { id: registration.id, name: registration.name } });
      const outcome = await cancelRegistration(db, { registrationId: registration.id, now, links, actor });
      if (outcome.kind === "not-found") return reply({ ok: false, message: "That registration does not exist." }, 404);
      if (outcome.kind === "already-cancelled") {
        return reply({ ok: false, message: registration.status === "cancelled" ? `${registration.name}'s registration was already cancelled.` : outcome.message });
      }
      const moved = outcome.promotedCount > 1 ? ` ${outcome.promotedCount} people moved up from the waitlist.` : outcome.promoted ? ` ${outcome.promoted.name} moved up from the waitlist.` : "";
      return reply({ ok: true, message: `Cancelled ${registration.name}'s registration; they will be emailed.${moved}` });
    }
    case "add": {
      const values = Object.fromEntries(["name", "email", "affiliation", "timeZone"].map((k) => [k, String(form.get(k) ?? "").slice(0, 1000)]));
      const parsed = addByHandSchema.safeParse(Object.fromEntries(Object.entries(values).map(([k, v]) => [k, v.trim() === "" ? undefined : v])));
      if (!parsed.success) {
        return reply({ ok: false, message: "Please correct the highlighted fields.", fieldErrors: parsed.error.flatten().fieldErrors as Record<string, string[]>, values }, 400);
      }
      const outcome = await registerAttendee(db, { eventId: event.id, input: { ...parsed.data, answers: {} }, now, links, addedBy: actor });
      if (outcome.kind === "refused") return reply({ ok: false, message: refusalMessage(outcome.reason), values });
      if (outcome.kind === "already-registered") return reply({ ok: false, message: `${outcome.email} is already registered; they were sent a fresh copy of their email.` });
      const status = outcome.registration.status;
      return reply({ ok: true, message: `Added ${outcome.registration.name} (${status}${outcome.waitlistRank ? `, number ${outcome.waitlistRank} on the waitlist` : ""}); they will be emailed.` });
    }
    default:
      return reply({ ok: false, message: "Unknown action." }, 400);
  }
}
