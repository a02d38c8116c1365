import type { ActionFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { requireUser } from "~/auth/session.server";
import { renderMarkdown } from "~/content/markdown.server";
import { DESCRIPTION_MAX } from "~/events/event-form";

// The event form's live description preview (with JavaScript; without it, the
// form's own "Preview" button does the same). Sanitised exactly as the public page is.
export async function action({ request, context }: ActionFunctionArgs) {
  await requireUser(context.db, request);
  const form = await request.formData();
  const markdown = String(form.get("descriptionMd") ?? "");
  if (markdown.length > DESCRIPTION_MAX) return data({ html: "", error: `Keep the description under ${DESCRIPTION_MAX} characters` }, { status: 400 });
  return data({ html: renderMarkdown(markdown), error: null });
}
