// The action behind "New event" and "Edit event": validate with the shared
// schema, offer a preview without saving, then create or update.
import { parseWithZod } from "@conform-to/zod";
import { data, redirect } from "@remix-run/node";
import type { Database } from "~db/client.server";
import type { User } from "~db/schema";
import { renderMarkdown } from "~/content/markdown.server";
import type { LinkSigner } from "~/security/link-tokens.server";
import { listTimeZones } from "~/time";
import { createEventFromForm, loadEventFormChoices, updateEventFromForm } from "./event-admin.server";
import { eventFormSchema } from "./event-form";

export async function eventFormPageData(db: Database, defaultValue: Record<string, unknown>) {
  return { choices: { ...(await loadEventFormChoices(db)), zones: listTimeZones() }, defaultValue };
}

export async function handleEventForm(
  db: Database,
  request: Request,
  { user, eventId, links }: { user: User; eventId: string | null; links: LinkSigner },
) {
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: eventFormSchema });
  if (formData.get("intent") === "preview") {
    const description = String(formData.get("descriptionMd") ?? "").slice(0, 20_000);
    return data({ result: submission.reply(), descriptionPreviewHtml: renderMarkdown(description) }, { status: 200 });
  }
  if (submission.status !== "success") return data({ result: submission.reply(), descriptionPreviewHtml: null }, { status: 400 });
  const outcome = eventId
    ? await updateEventFromForm(db, { user, eventId, values: submission.value, links })
    : await createEventFromForm(db, { user, values: submission.value });
  if (!outcome.ok) {
    const { form, ...fieldErrors } = outcome.fieldErrors;
    return data({ result: submission.reply({ fieldErrors, formErrors: form }), descriptionPreviewHtml: null }, { status: 400 });
  }
  const notice = eventId ? "saved" : "created";
  throw redirect(`/admin/events/${outcome.event.id}?notice=${notice}`);
}
