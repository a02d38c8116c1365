// The "Email registrants" page's one action: "preview" checks the form and
// shows the email with its exact recipient count (writing nothing); "send",
// from the preview's confirmation button, queues it.
import { randomUUID } from "node:crypto";
import { data } from "@remix-run/node";
import type { Database } from "~db/client.server";
import type { Event, User } from "~db/schema";
import type { LinkSigner } from "~/security/link-tokens.server";
import { registrantMessageSchemaIn, sendMessageSchemaIn } from "./registrant-message-form";
import { consoleTranslatorFor } from "~/i18n/console-catalogues.server";
import { requestLocale } from "~/i18n/request-locale.server";
import { previewRegistrantMessage, sendRegistrantMessage, type MessagePreview } from "./registrant-messages.server";

export interface MessageActionData {
  ok: boolean;
  message: string;
  fieldErrors?: Record<string, string[] | undefined>;
  /** What the organizer typed, kept after a preview or a refusal. */
  values?: Record<string, string>;
  preview?: MessagePreview & { messageId: string };
}

const FIELDS = ["audience", "subject", "body", "messageId", "expectedCount"] as const;

export async function handleRegistrantMessageAction(db: Database, request: Request, { user, event, links }: { user: User; event: Event; links: LinkSigner }) {
  const t = consoleTranslatorFor(requestLocale(request));
  const form = await request.formData();
  const values = Object.fromEntries(FIELDS.map((k) => [k, String(form.get(k) ?? "").slice(0, 10_000)]));
  const input = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, v.trim() === "" ? undefined : v]));
  const reply = (body: MessageActionData, status = 200) => data<MessageActionData>(body, { status });
  const invalid = (fieldErrors: Record<string, string[] | undefined>) => reply({ ok: false, message: t("notice.correctFields"), fieldErrors, values }, 400);

  switch (form.get("intent")) {
    case "preview": {
      const parsed = registrantMessageSchemaIn(t).safeParse(input);
      if (!parsed.success) return invalid(parsed.error.flatten().fieldErrors);
      const preview = await previewRegistrantMessage(db, { user, event, values: parsed.data, links });
      return reply({ ok: true, message: "", values, preview: { ...preview, messageId: randomUUID() } });
    }
    case "send": {
      const parsed = sendMessageSchemaIn(t).safeParse(input);
      if (!parsed.success) return invalid(parsed.error.flatten().fieldErrors);
      const outcome = await sendRegistrantMessage(db, { user, event, values: parsed.data, links, t });
      if (!outcome.ok) return reply({ ok: false, message: outcome.message, values }, 409);
      return reply({ ok: true, message: t("messages.sent", { count: outcome.queued, subject: parsed.data.subject }) });
    }
    default:
      return reply({ ok: false, message: t("notice.unknownAction") }, 400);
  }
}
