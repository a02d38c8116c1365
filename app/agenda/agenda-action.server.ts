// The agenda builder's one action: each button and form says what it wants in
// `intent`; every input is checked before anything is written.
import { data } from "@remix-run/node";
import { z } from "zod";
import type { Database } from "~db/client.server";
import type { Event, User } from "~db/schema";
import { addSegment, attachPerson, deleteSegment, findSegment, detachPerson, fillAgendaSequentially, moveSegment, updateSegment, type AgendaOutcome } from "./agenda-admin.server";
import { attachPersonSchemaIn, segmentFormSchemaIn } from "./agenda-form";
import { consoleTranslatorFor } from "~/i18n/console-catalogues.server";
import { requestLocale } from "~/i18n/request-locale.server";
import type { Translate } from "~/i18n/translator";
import type { LinkSigner } from "~/security/link-tokens.server";
import { inviteSpeaker, revokeSpeakerLink } from "~/speakers/invitations.server";

export interface AgendaActionData {
  ok: boolean;
  message: string;
  /** Which form the errors belong to: "new" or a segment id (edit), or `people:<id>`. */
  formId?: string;
  fieldErrors?: Record<string, string[]>;
  values?: Record<string, string>;
  /** "Delete this segment?": asked before anything is removed, so it works without JavaScript. */
  confirmDelete?: { id: string; title: string; people: number };
}

const id = z.string().uuid();

function reply(outcome: AgendaOutcome, formId?: string) {
  return data<AgendaActionData>({ ...outcome, formId }, { status: outcome.ok ? 200 : 409 });
}

function invalid(formId: string, error: z.ZodError, values: Record<string, string>, t: Translate) {
  const fieldErrors = error.flatten().fieldErrors as Record<string, string[]>;
  return data<AgendaActionData>({ ok: false, message: t("notice.correctFields"), formId, fieldErrors, values }, { status: 400 });
}

export async function handleAgendaAction(db: Database, request: Request, { user, event, links }: { user: User; event: Event; links: LinkSigner }) {
  const t = consoleTranslatorFor(requestLocale(request));
  const form = await request.formData();
  const values: Record<string, string> = {};
  for (const [key, value] of form) if (typeof value === "string") values[key] = value.slice(0, 10_000);
  const blankToUndefined = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, v.trim() === "" ? undefined : v]));
  const itemId = id.safeParse(values.itemId);

  switch (values.intent) {
    case "add": {
      const parsed = segmentFormSchemaIn(t).safeParse(blankToUndefined);
      if (!parsed.success) return invalid("new", parsed.error, values, t);
      return reply(await addSegment(db, { user, eventId: event.id, values: parsed.data, t }), "new");
    }
    case "update": {
      if (!itemId.success) return data<AgendaActionData>({ ok: false, message: t("agenda.segmentMissing") }, { status: 400 });
      const parsed = segmentFormSchemaIn(t).safeParse(blankToUndefined);
      if (!parsed.success) return invalid(itemId.data, parsed.error, values, t);
      return reply(await updateSegment(db, { user, eventId: event.id, itemId: itemId.data, values: parsed.data, t }), itemId.data);
    }
    case "delete-ask":
    case "delete": {
      if (!itemId.success) return data<AgendaActionData>({ ok: false, message: t("agenda.segmentMissing") }, { status: 400 });
      if (values.intent === "delete" && values.confirm === "yes") return reply(await deleteSegment(db, { user, eventId: event.id, itemId: itemId.data, t }));
      const segment = await findSegment(db, { eventId: event.id, itemId: itemId.data });
      if (!segment) return data<AgendaActionData>({ ok: false, message: t("agenda.segmentGone") }, { status: 404 });
      return data<AgendaActionData>({ ok: true, message: "", confirmDelete: segment });
    }
    case "up":
    case "down":
      if (!itemId.success) return data<AgendaActionData>({ ok: false, message: t("agenda.segmentMissing") }, { status: 400 });
      return reply(await moveSegment(db, { user, eventId: event.id, itemId: itemId.data, direction: values.intent, t }));
    case "fill":
      return reply(await fillAgendaSequentially(db, { user, eventId: event.id, t }));
    case "attach": {
      if (!itemId.success) return data<AgendaActionData>({ ok: false, message: t("agenda.segmentMissing") }, { status: 400 });
      const parsed = attachPersonSchemaIn(t).safeParse(blankToUndefined);
      if (!parsed.success) return invalid(`people:${itemId.data}`, parsed.error, values, t);
      return reply(await attachPerson(db, { user, eventId: event.id, itemId: itemId.data, ...parsed.data, t }), `people:${itemId.data}`);
    }
    case "detach": {
      const roleId = id.safeParse(values.roleId);
      if (!roleId.success) return data<AgendaActionData>({ ok: false, message: t("agenda.personNotOnSegment") }, { status: 400 });
      return reply(await detachPerson(db, { user, eventId: event.id, roleId: roleId.data, t }));
    }
    case "invite":
    case "revoke": {
      const personId = id.safeParse(values.personId);
      if (!personId.success) return data<AgendaActionData>({ ok: false, message: t("agenda.personNotOnAgenda") }, { status: 400 });
      const now = new Date();
      return reply(
        values.intent === "invite"
          ? await inviteSpeaker(db, { user, eventId: event.id, personId: personId.data, links, now, t })
          : await revokeSpeakerLink(db, { user, eventId: event.id, personId: personId.data, now, t }),
      );
    }
    default:
      return data<AgendaActionData>({ ok: false, message: t("notice.unknownAction") }, { status: 400 });
  }
}
