// The registration form's server side: bots and floods are turned away first,
// then the input is validated with the same schema the browser uses, then the
// seat decision is made in the database.
import type { SubmissionResult } from "@conform-to/react";
import { parseSubmission } from "~/security/form-submission.server";
import { data, redirect } from "@remix-run/node";
import { asc, eq, sql } from "drizzle-orm";
import type { Database } from "~db/client.server";
import { preparedStatement } from "~db/records.server";
import { events, registrationQuestions, type TranslationsColumn } from "~db/schema";
import { labelOfHosts, type HostForLabel } from "~/email/event-facts.server";
import type { LinkSigner } from "~/security/link-tokens.server";
import { hitRateLimitWindows, rateLimitWindows, type RateLimitVerdict } from "~/security/rate-limit.server";
import { HONEYPOT_FIELD, questionsKey, registrationFormSchema, type QuestionDefinition } from "./registration-form";
import { boundedMemo } from "~/shared/bounded-memo";
import type { Locale } from "~/i18n/locales";
import { refusalFor, registerAttendee, type EventAsSeen, type RegistrationRefusal } from "./register.server";
import { eventWithVersionColumns } from "./newcomer.server";
import { clientAddress } from "~/security/client-address.server";
import { resolveTimeZone } from "~/time/zone-catalog.server";
import { translatorFor } from "~/i18n/catalogues.server";
import { requestLocale } from "~/i18n/request-locale.server";
import type { Translate } from "~/i18n/translator";

/** Why a registration was refused, in the reader's language (English for the console and the API). */
export function refusalMessage(reason: RegistrationRefusal, t: Translate = translatorFor("en")): string {
  return t(`refusal.${reason}`);
}

const REFUSAL_STATUS: Record<RegistrationRefusal, number> = {
  "not-found": 404,
  cancelled: 409,
  ended: 409,
  "not-open-yet": 409,
  closed: 409,
};

const questionColumns = {
  id: registrationQuestions.id,
  kind: registrationQuestions.kind,
  label: registrationQuestions.label,
  required: registrationQuestions.required,
  options: registrationQuestions.options,
};

export async function loadQuestions(db: Pick<Database, "select">, eventId: string): Promise<QuestionDefinition[]> {
  return db
    .select(questionColumns)
    .from(registrationQuestions)
    .where(eq(registrationQuestions.eventId, eventId))
    .orderBy(asc(registrationQuestions.position));
}

// The event page asks for the questions on every uncached view (decision 017).
const questionsOfEvent = preparedStatement((db) =>
  db
    .select({ ...questionColumns, translations: registrationQuestions.translations })
    .from(registrationQuestions)
    .where(eq(registrationQuestions.eventId, sql.placeholder("eventId")))
    .orderBy(asc(registrationQuestions.position))
    .prepare("event_registration_questions"),
);

/** The same as loadQuestions, as a prepared statement; for the database handle, not a transaction. */
export async function loadQuestionsForPage(db: Database, eventId: string): Promise<(QuestionDefinition & { translations: TranslationsColumn })[]> {
  return questionsOfEvent(db).execute({ eventId });
}

// Everything the registration POST needs to know before the seat decision, in one
// round trip: the event with its exact version (the newcomer's fast path checks it
// under the lock), its questions in order and its hosts (for the emails). The
// subqueries name "events" outright: drizzle leaves a column of the only table in
// the FROM unqualified, which inside a subquery would mean the subquery's own column.
const registrationFormOfEvent = preparedStatement((db) =>
  db
    .select({
      ...eventWithVersionColumns,
      questions: sql<QuestionDefinition[]>`coalesce((
        select json_agg(json_build_object('id', q.id, 'kind', q.kind, 'label', q.label, 'required', q.required, 'options', q.options) order by q.position)
        from registration_questions q where q.event_id = events.id), '[]'::json)`,
      hosts: sql<HostForLabel[]>`coalesce((
        select json_agg(json_build_object('shortName', o.short_name, 'role', h.role, 'position', h.position) order by h.position)
        from event_hosts h join organizations o on o.id = h.organization_id where h.event_id = events.id), '[]'::json)`,
    })
    .from(events)
    .where(eq(events.slug, sql.placeholder("slug")))
    .prepare("registration_form_of_event"),
);

async function readRegistrationForm(db: Database, slug: string): Promise<{ seen: EventAsSeen; questions: QuestionDefinition[] } | undefined> {
  const [row] = await registrationFormOfEvent(db).execute({ slug });
  if (!row) return undefined;
  const { version, questions, hosts, ...event } = row;
  return { seen: { event, version, hostsLabel: labelOfHosts(hosts) }, questions };
}

// Built once per language and set of questions rather than on every POST.
const registrationSchemaFor = boundedMemo(500, (key: string) => {
  const [locale, questions] = JSON.parse(key) as [Locale, string];
  return registrationFormSchema(JSON.parse(questions) as QuestionDefinition[], resolveTimeZone, translatorFor(locale));
});

export type RegistrationActionData =
  | { kind: "form"; submission: SubmissionResult<string[]>; message?: string }
  | { kind: "already-registered"; email: string }
  | { kind: "refused"; message: string };

export async function handleRegistration({
  db,
  request,
  slug,
  links,
  now = new Date(),
}: {
  db: Database;
  request: Request;
  slug: string;
  links: LinkSigner;
  now?: Date;
}) {
  const form = await readRegistrationForm(db, slug);
  const locale = requestLocale(request);
  const t = translatorFor(locale);
  if (!form || form.seen.event.status === "draft") throw new Response(t("errors.noSuchEvent"), { status: 404 });
  const { seen, questions } = form;
  const event = seen.event;

  const formData = await request.formData();
  const rawEmail = String(formData.get("email") ?? "").trim().toLowerCase().slice(0, 320);
  // Both budgets count every attempt once, whatever becomes of it: inside the newcomer's own
  // statement when the attempt gets that far (so no commit of their own), else right here.
  const budgets = rateLimitWindows(
    [{ key: `register:ip:${clientAddress(request)}`, limit: 30, windowSeconds: 600 }, ...(rawEmail ? [{ key: `register:email:${rawEmail}`, limit: 5, windowSeconds: 600 }] : [])],
    now,
  );
  const tooManyAttempts = (verdict: RateLimitVerdict) =>
    data<RegistrationActionData>(
      { kind: "refused", message: t("register.tooManyAttempts", { count: Math.ceil(verdict.retryAfterSeconds / 60) }) },
      { status: 429, headers: { "Retry-After": String(verdict.retryAfterSeconds) } },
    );
  /** Counts an attempt that will not reach the newcomer's statement; a spent budget answers 429 instead of the reason. */
  const refuseCounted = async (refusal: () => ReturnType<typeof data<RegistrationActionData>>) => {
    const verdict = await hitRateLimitWindows(db, budgets);
    return verdict.allowed ? refusal() : tooManyAttempts(verdict);
  };

  if (String(formData.get(HONEYPOT_FIELD) ?? "") !== "") {
    return refuseCounted(() => data<RegistrationActionData>({ kind: "refused", message: t("register.automated") }, { status: 400 }));
  }

  const submission = parseSubmission(formData, { schema: registrationSchemaFor(JSON.stringify([locale, questionsKey(questions)])) });
  if (submission.status !== "success") {
    return refuseCounted(() => data<RegistrationActionData>({ kind: "form", submission: submission.reply() }, { status: 400 }));
  }
  const refusal = refusalFor(event, now);
  if (refusal) {
    return refuseCounted(() => data<RegistrationActionData>({ kind: "refused", message: refusalMessage(refusal, t) }, { status: REFUSAL_STATUS[refusal] }));
  }

  const outcome = await registerAttendee(db, {
    eventId: event.id,
    input: {
      name: submission.value.name,
      email: submission.value.email,
      affiliation: submission.value.affiliation,
      timeZone: submission.value.timeZone,
      locale,
      answers: submission.value.answers as Record<string, string | string[] | boolean>,
    },
    now,
    links,
    seen,
    rateLimits: budgets.argument,
  });
  switch (outcome.kind) {
    case "registered":
      throw redirect(`/r/${outcome.manageToken}?welcome=1`);
    case "already-registered":
      return data<RegistrationActionData>({ kind: "already-registered", email: outcome.email });
    case "refused":
      return data<RegistrationActionData>(
        { kind: "refused", message: refusalMessage(outcome.reason, t) },
        { status: REFUSAL_STATUS[outcome.reason] },
      );
    case "rate-limited":
      // The statement says only that a budget is spent; both are 10-minute windows, so the wait is the same.
      return tooManyAttempts(budgets.verdict(budgets.keys));
  }
}
