// Custom registration questions, edited by organizers: add, edit, reorder and
// remove. Answers already given stay with their registrations.
import { data } from "@remix-run/node";
import { and, asc, eq } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "~db/client.server";
import { registrationQuestions, type Event, type User } from "~db/schema";
import { actorFor, recordAudit } from "~/audit/audit-log.server";
import { lockEvent } from "~/events/event-lock.server";
import { QUESTION_KINDS } from "./question-kinds";
import { consoleTranslatorFor } from "~/i18n/console-catalogues.server";
import { requestLocale } from "~/i18n/request-locale.server";
import type { Translate } from "~/i18n/translator";


const MAX_QUESTIONS = 30;

export function questionFormSchemaIn(t: Translate) {
  return z
    .object({
      kind: z.enum(QUESTION_KINDS, { errorMap: () => ({ message: t("questions.error.kind") }) }),
      label: z.string({ required_error: t("questions.error.label") }).trim().min(1, t("questions.error.label")).max(300, t("questions.error.labelTooLong")),
      required: z.preprocess((v) => v === "on", z.boolean()),
      options: z
        .string()
        .optional()
        .default("")
        .transform((text) => [...new Set(text.split(/\r?\n/).map((o) => o.trim()).filter(Boolean))]),
    })
    .superRefine((value, ctx) => {
      const choices = value.kind === "single_choice" || value.kind === "multiple_choice";
      if (choices && value.options.length < 2) ctx.addIssue({ code: "custom", path: ["options"], message: t("questions.error.twoOptions") });
      if (value.options.length > 50) ctx.addIssue({ code: "custom", path: ["options"], message: t("questions.error.tooManyOptions") });
      if (value.options.some((o) => o.length > 200)) ctx.addIssue({ code: "custom", path: ["options"], message: t("questions.error.optionTooLong") });
    });
}

export async function listQuestionsForEditing(db: Pick<Database, "select">, eventId: string) {
  return db.select().from(registrationQuestions).where(eq(registrationQuestions.eventId, eventId)).orderBy(asc(registrationQuestions.position), asc(registrationQuestions.createdAt));
}

export interface QuestionsActionData {
  ok: boolean;
  message: string;
  formId?: string;
  fieldErrors?: Record<string, string[]>;
  values?: Record<string, string>;
}

const reply = (body: QuestionsActionData, status = body.ok ? 200 : 409) => data<QuestionsActionData>(body, { status });

export async function handleQuestionsAction(db: Database, request: Request, { user, event }: { user: User; event: Event }) {
  const t = consoleTranslatorFor(requestLocale(request));
  const form = await request.formData();
  const values: Record<string, string> = {};
  for (const [key, value] of form) if (typeof value === "string") values[key] = value.slice(0, 20_000);
  const intent = values.intent;
  const questionId = z.string().uuid().safeParse(values.questionId);
  const actor = actorFor(user);

  return db.transaction(async (tx) => {
    // The event's row lock serialises question edits, like every other change to the event.
    await lockEvent(tx, event.id);
    const questions = await tx.select().from(registrationQuestions).where(eq(registrationQuestions.eventId, event.id)).orderBy(asc(registrationQuestions.position), asc(registrationQuestions.createdAt));
    const target = questionId.success ? questions.find((q) => q.id === questionId.data) : undefined;

    if (intent === "add" || intent === "update") {
      const formId = intent === "add" ? "new" : (target?.id ?? "new");
      if (intent === "update" && !target) return reply({ ok: false, message: t("questions.gone") }, 404);
      if (intent === "add" && questions.length >= MAX_QUESTIONS) return reply({ ok: false, message: t("questions.atMost", { max: MAX_QUESTIONS }) });
      const parsed = questionFormSchemaIn(t).safeParse(values);
      if (!parsed.success) {
        return reply({ ok: false, message: t("notice.correctFields"), formId, fieldErrors: parsed.error.flatten().fieldErrors as Record<string, string[]>, values }, 400);
      }
      const options = parsed.data.kind === "single_choice" || parsed.data.kind === "multiple_choice" ? parsed.data.options : [];
      if (intent === "add") {
        await tx.insert(registrationQuestions).values({ eventId: event.id, position: questions.length, kind: parsed.data.kind, label: parsed.data.label, required: parsed.data.required, options });
        await recordAudit(tx, { actor, eventId: event.id, action: "questions.added", summary: `Added the question “${parsed.data.label}”` });
        return reply({ ok: true, message: t("questions.done.added", { label: parsed.data.label }), formId: "new" });
      }
      await tx.update(registrationQuestions).set({ kind: parsed.data.kind, label: parsed.data.label, required: parsed.data.required, options }).where(eq(registrationQuestions.id, target!.id));
      await recordAudit(tx, { actor, eventId: event.id, action: "questions.updated", summary: `Edited the question “${parsed.data.label}”` });
      return reply({ ok: true, message: t("questions.done.saved", { label: parsed.data.label }) });
    }
    if (!target) return reply({ ok: false, message: t("questions.gone") }, 404);
    if (intent === "delete") {
      await tx.delete(registrationQuestions).where(and(eq(registrationQuestions.id, target.id), eq(registrationQuestions.eventId, event.id)));
      await recordAudit(tx, { actor, eventId: event.id, action: "questions.deleted", summary: `Removed the question “${target.label}”` });
      return reply({ ok: true, message: t("questions.done.removed", { label: target.label }) });
    }
    if (intent === "up" || intent === "down") {
      const index = questions.indexOf(target);
      const swap = intent === "up" ? index - 1 : index + 1;
      if (swap < 0 || swap >= questions.length) return reply({ ok: false, message: t(intent === "up" ? "questions.alreadyFirst" : "questions.alreadyLast", { label: target.label }) });
      const order = [...questions];
      [order[index], order[swap]] = [order[swap]!, order[index]!];
      for (const [position, q] of order.entries()) await tx.update(registrationQuestions).set({ position }).where(eq(registrationQuestions.id, q.id));
      await recordAudit(tx, { actor, eventId: event.id, action: "questions.moved", summary: `Moved “${target.label}” ${intent}` });
      return reply({ ok: true, message: t(intent === "up" ? "questions.done.movedUp" : "questions.done.movedDown", { label: target.label }) });
    }
    return reply({ ok: false, message: t("notice.unknownAction") }, 400);
  });
}
