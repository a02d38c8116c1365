// The registration form's server side: bots and floods are turned away first,
// then the input is validated with the same schema the browser uses, then the
// seat decision is made in the database.
import type { SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { data, redirect } from "@remix-run/node";
import { asc, eq } from "drizzle-orm";
import type { Database } from "~db/client.server";
import { events, registrationQuestions } from "~db/schema";
import type { LinkSigner } from "~/security/link-tokens.server";
import { hitRateLimit } from "~/security/rate-limit.server";
import { HONEYPOT_FIELD, registrationFormSchema, type QuestionDefinition } from "./registration-form";
import { registerAttendee, type RegistrationRefusal } from "./register.server";

export const REFUSAL_MESSAGE: Record<RegistrationRefusal, string> = {
  "not-found": "This event does not exist.",
  cancelled: "This event has been cancelled, so it no longer takes registrations.",
  ended: "This event has ended. The recording, once published, is on this page.",
  "not-open-yet": "Registration for this event has not opened yet.",
  closed: "Registration for this event has closed.",
};

const REFUSAL_STATUS: Record<RegistrationRefusal, number> = {
  "not-found": 404,
  cancelled: 409,
  ended: 409,
  "not-open-yet": 409,
  closed: 409,
};

export async function loadQuestions(db: Pick<Database, "select">, eventId: string): Promise<QuestionDefinition[]> {
  return db
    .select({
      id: registrationQuestions.id,
      kind: registrationQuestions.kind,
      label: registrationQuestions.label,
      required: registrationQuestions.required,
      options: registrationQuestions.options,
    })
    .from(registrationQuestions)
    .where(eq(registrationQuestions.eventId, eventId))
    .orderBy(asc(registrationQuestions.position));
}

export function clientAddress(request: Request): string {
  // The http app overwrites this header with the address express derived under PODIUM_TRUST_PROXY.
  return request.headers.get("x-forwarded-for")?.split(",")[0]?.trim() || "unknown";
}

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
  const [event] = await db.select({ id: events.id, status: events.status }).from(events).where(eq(events.slug, slug));
  if (!event || event.status === "draft") throw new Response("No such event", { status: 404 });

  const formData = await request.formData();
  const rawEmail = String(formData.get("email") ?? "").trim().toLowerCase().slice(0, 320);
  for (const rule of [
    { key: `register:ip:${clientAddress(request)}`, limit: 30, windowSeconds: 600 },
    ...(rawEmail ? [{ key: `register:email:${rawEmail}`, limit: 5, windowSeconds: 600 }] : []),
  ]) {
    const verdict = await hitRateLimit(db, rule, now);
    if (!verdict.allowed) {
      const minutes = Math.ceil(verdict.retryAfterSeconds / 60);
      return data<RegistrationActionData>(
        { kind: "refused", message: `Too many registration attempts. Please try again in ${minutes} minute${minutes === 1 ? "" : "s"}.` },
        { status: 429, headers: { "Retry-After": String(verdict.retryAfterSeconds) } },
      );
    }
  }

  if (String(formData.get(HONEYPOT_FIELD) ?? "") !== "") {
    return data<RegistrationActionData>(
      { kind: "refused", message: "This submission looked automated, so it was not accepted. If you are a person, reload the page and try again." },
      { status: 400 },
    );
  }

  const questions = await loadQuestions(db, event.id);
  const submission = parseWithZod(formData, { schema: registrationFormSchema(questions) });
  if (submission.status !== "success") {
    return data<RegistrationActionData>({ kind: "form", submission: submission.reply() }, { status: 400 });
  }

  const outcome = await registerAttendee(db, {
    eventId: event.id,
    input: {
      name: submission.value.name,
      email: submission.value.email,
      affiliation: submission.value.affiliation,
      timeZone: submission.value.timeZone,
      answers: submission.value.answers as Record<string, string | string[] | boolean>,
    },
    now,
    links,
  });
  switch (outcome.kind) {
    case "registered":
      throw redirect(`/r/${outcome.manageToken}?welcome=1`);
    case "already-registered":
      return data<RegistrationActionData>({ kind: "already-registered", email: outcome.email });
    case "refused":
      return data<RegistrationActionData>(
        { kind: "refused", message: REFUSAL_MESSAGE[outcome.reason] },
        { status: REFUSAL_STATUS[outcome.reason] },
      );
  }
}
