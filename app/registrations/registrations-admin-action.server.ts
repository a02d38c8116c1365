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
import { consoleTranslatorFor } from "~/i18n/console-catalogues.server";
import { translatorFor } from "~/i18n/catalogues.server";
import { requestLocale } from "~/i18n/request-locale.server";
import type { Translate } from "~/i18n/translator";

export interface RegistrationsActionData {
  ok: boolean;
  message: string;
  confirmCancel?: { id: string; name: string };
  fieldErrors?: Record<string, string[]>;
  values?: Record<string, string>;
}

const uuid = z.string().uuid();
const MAX_BULK = 500;

const addByHandSchemaIn = (t: Translate) =>
  z.object({
    name: z.string({ required_error: t("registrations.error.name") }).trim().min(1, t("registrations.error.name")).max(NAME_MAX, t("registrations.error.nameTooLong", { max: NAME_MAX })),
    email: z.string({ required_error: t("registrations.error.email") }).trim().max(EMAIL_MAX, t("registrations.error.emailTooLong")).email(t("registrations.error.emailValid")),
    affiliation: z.string().trim().max(AFFILIATION_MAX, t("registrations.error.affiliationTooLong", { max: AFFILIATION_MAX })).optional().default(""),
    timeZone: z.string({ required_error: t("registrations.error.timeZone") }).trim().refine(isValidTimeZone, t("registrations.error.timeZoneFromList")),
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
  const locale = requestLocale(request);
  const t = consoleTranslatorFor(locale);
  const form = await request.formData();
  const intent = String(form.get("intent") ?? "");
  const actor = actorFor(user);
  const now = new Date();
  const one = uuid.safeParse(form.get("registrationId"));

  switch (intent) {
    case "approve":
    case "decline": {
      if (!one.success) return reply({ ok: false, message: t("registrations.missing") }, 400);
      const outcome = await decidePendingRegistration(db, { registrationId: one.data, decision: intent, now, links, actor, eventId: event.id });
      if (outcome.kind === "not-found") return reply({ ok: false, message: t("registrations.missing") }, 404);
      if (outcome.kind === "not-pending") return reply({ ok: false, message: t("registrations.alreadyDecided") });
      const name = outcome.registration.name;
      return reply({
        ok: true,
        message:
          outcome.kind === "approved"
            ? t("registrations.done.approved", { name })
            : outcome.kind === "waitlisted"
              ? t("registrations.done.approvedWaitlisted", { name, rank: outcome.waitlistRank })
              : t("registrations.done.declined", { name }),
      });
    }
    case "bulk-approve":
    case "bulk-decline":
    case "bulk-approve-all":
    case "bulk-decline-all": {
      // "…-all" is "select all" without JavaScript: every pending registration matching the filter on screen.
      const all = intent.endsWith("-all");
      const ids = all ? await pendingMatching(db, event, form) : form.getAll("ids").map(String);
      if (ids.length === 0) return reply({ ok: false, message: t(all ? "registrations.noneMatching" : "registrations.tickFirst") }, 400);
      if (ids.length > MAX_BULK || !ids.every((id) => uuid.safeParse(id).success)) return reply({ ok: false, message: t("registrations.badSelection") }, 400);
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
        message: t(`registrations.done.bulk.${decision}${skipped ? "Skipped" : ""}`, { count: decided, skipped }),
      });
    }
    case "promote": {
      if (!one.success) return reply({ ok: false, message: t("registrations.missing") }, 400);
      return reply(await promoteByHand(db, { eventId: event.id, registrationId: one.data, actor, now, links, t }));
    }
    case "cancel-ask":
    case "cancel": {
      if (!one.success) return reply({ ok: false, message: t("registrations.missing") }, 400);
      const [registration] = await db
        .select({ id: registrations.id, name: registrations.name, status: registrations.status })
        .from(registrations)
        .where(and(eq(registrations.id, one.data), eq(registrations.eventId, event.id)));
      if (!registration) return reply({ ok: false, message: t("registrations.missing") }, 404);
      if (intent === "cancel-ask") return reply({ ok: true, message: "", confirmCancel: { id: registration.id, name: registration.name } });
      const outcome = await cancelRegistration(db, { registrationId: registration.id, now, links, actor, t: translatorFor(locale) });
      if (outcome.kind === "not-found") return reply({ ok: false, message: t("registrations.missing") }, 404);
      if (outcome.kind === "already-cancelled") {
        return reply({ ok: false, message: registration.status === "cancelled" ? t("registrations.alreadyCancelled", { name: registration.name }) : outcome.message });
      }
      const said = [t("registrations.done.cancelled", { name: registration.name })];
      if (outcome.promotedCount > 1) said.push(t("registrations.done.movedUpMany", { n: outcome.promotedCount }));
      else if (outcome.promoted) said.push(t("registrations.done.movedUp", { name: outcome.promoted.name }));
      return reply({ ok: true, message: said.join(t("registrations.sentenceSeparator")) });
    }
    case "add": {
      const values = Object.fromEntries(["name", "email", "affiliation", "timeZone"].map((k) => [k, String(form.get(k) ?? "").slice(0, 1000)]));
      const parsed = addByHandSchemaIn(t).safeParse(Object.fromEntries(Object.entries(values).map(([k, v]) => [k, v.trim() === "" ? undefined : v])));
      if (!parsed.success) {
        return reply({ ok: false, message: t("notice.correctFields"), fieldErrors: parsed.error.flatten().fieldErrors as Record<string, string[]>, values }, 400);
      }
      const outcome = await registerAttendee(db, { eventId: event.id, input: { ...parsed.data, answers: {} }, now, links, addedBy: actor });
      if (outcome.kind === "refused") return reply({ ok: false, message: refusalMessage(outcome.reason, translatorFor(locale)), values });
      if (outcome.kind === "already-registered") return reply({ ok: false, message: t("registrations.alreadyRegistered", { email: outcome.email }) });
      const status = outcome.registration.status;
      const state = t(`registrations.state.${status}`);
      return reply({
        ok: true,
        message: outcome.waitlistRank
          ? t("registrations.done.addedWaitlisted", { name: outcome.registration.name, state, rank: outcome.waitlistRank })
          : t("registrations.done.added", { name: outcome.registration.name, state }),
      });
    }
    default:
      return reply({ ok: false, message: t("notice.unknownAction") }, 400);
  }
}
