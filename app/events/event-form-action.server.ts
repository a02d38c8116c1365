// The action behind "New event" and "Edit event": validate with the shared
// schema, offer a preview without saving, then create or update.
import { parseSubmission } from "~/security/form-submission.server";
import { data, redirect } from "@remix-run/node";
import type { Database } from "~db/client.server";
import type { User } from "~db/schema";
import { renderMarkdown } from "~/content/markdown.server";
import type { LinkSigner } from "~/security/link-tokens.server";
import { listTimeZones } from "~/time/zone-catalog.server";
import { createEventFromForm, loadEventFormChoices, updateEventFromForm, type SaveEffects, type SaveEventOutcome } from "./event-admin.server";
import { eventFormSchemaIn } from "./event-form";
import { consoleTranslatorFor } from "~/i18n/console-catalogues.server";
import { requestLocale } from "~/i18n/request-locale.server";

export async function eventFormPageData(db: Database, defaultValue: Record<string, unknown>) {
  return { choices: { ...(await loadEventFormChoices(db)), zones: listTimeZones() }, defaultValue };
}

export async function handleEventForm(
  db: Database,
  request: Request,
  { user, eventId, links }: { user: User; eventId: string | null; links: LinkSigner },
) {
  const t = consoleTranslatorFor(requestLocale(request));
  const formData = await request.formData();
  const submission = parseSubmission(formData, { schema: eventFormSchemaIn(t) });
  if (formData.get("intent") === "preview") {
    const description = String(formData.get("descriptionMd") ?? "").slice(0, 20_000);
    return data({ result: submission.reply(), descriptionPreviewHtml: renderMarkdown(description) }, { status: 200 });
  }
  if (submission.status !== "success") return data({ result: submission.reply(), descriptionPreviewHtml: null }, { status: 400 });
  const outcome: SaveEventOutcome & Partial<SaveEffects> = eventId
    ? await updateEventFromForm(db, { user, eventId, values: submission.value, links, t })
    : await createEventFromForm(db, { user, values: submission.value, t });
  if (!outcome.ok) {
    const { form, ...fieldErrors } = outcome.fieldErrors;
    return data({ result: submission.reply({ fieldErrors, formErrors: form }), descriptionPreviewHtml: null }, { status: 400 });
  }
  if (!eventId) throw redirect(`/admin/events/${outcome.event.id}?notice=created`);
  // What the save did travels in the address (no session flash needed); the overview puts it into words.
  const said = new URLSearchParams({ notice: "saved" });
  if (outcome.programme?.moved) said.set("moved", `${outcome.programme.moved}:${outcome.programme.shiftedMinutes}`);
  if (outcome.promoted) said.set("promoted", String(outcome.promoted));
  if (outcome.notified) said.set("notified", String(outcome.notified));
  throw redirect(`/admin/events/${outcome.event.id}?${said}`);
}
