import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { requireEventAccess } from "~/auth/event-access.server";
import { ActionNotice } from "~/components/action-notice";
import { AuditTable } from "~/components/audit-table";
import { PlainField } from "~/components/form-fields";
import { MESSAGE_AUDIENCES, MESSAGE_AUDIENCE_LABEL, MESSAGE_BODY_MAX } from "~/events/registrant-message-form";
import { handleRegistrantMessageAction } from "~/events/registrant-messages-action.server";
import { audienceCounts, listSentMessages } from "~/events/registrant-messages.server";
import { viewerZoneFrom } from "~/viewer/viewer-zone.server";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { event } = await requireEventAccess(context.db, request, params.eventId);
  const [counts, sent] = await Promise.all([audienceCounts(context.db, event.id), listSentMessages(context.db, event.id, viewerZoneFrom(request) ?? event.homeZone)]);
  return { counts, sent };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, event } = await requireEventAccess(context.db, request, params.eventId);
  return handleRegistrantMessageAction(context.db, request, { user, event, links: context.links });
}

export default function EmailRegistrants() {
  const { counts, sent } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const values = actionData?.values ?? {};
  const errors = actionData?.fieldErrors;
  const preview = actionData?.preview;
  return (
    <section aria-labelledby="messages-title">
      <h2 id="messages-title">Email registrants</h2>
      <ActionNotice result={actionData} />

      {preview ? (
        <Form method="post" className="panel confirm-box" aria-labelledby="preview-title">
          <h3 id="preview-title">Preview: {preview.count === 1 ? "1 recipient" : `${preview.count} recipients`}</h3>
          {preview.count === 0 ? <p>Nobody matches this choice yet, so nothing can be sent.</p> : <p>This is the email as its first recipient will read it. Nothing has been sent yet.</p>}
          <p>
            <strong>Subject:</strong> {preview.subject}
          </p>
          <pre className="email-preview">{preview.text}</pre>
          {(["audience", "subject", "body"] as const).map((name) => (
            <input key={name} type="hidden" name={name} value={values[name] ?? ""} />
          ))}
          <input type="hidden" name="messageId" value={preview.messageId} />
          <input type="hidden" name="expectedCount" value={preview.count} />
          {preview.count > 0 ? (
            <button type="submit" name="intent" value="send" className="button">
              Send to {preview.count === 1 ? "1 person" : `${preview.count} people`}
            </button>
          ) : null}
        </Form>
      ) : null}

      <Form method="post" className="stack-form panel" aria-labelledby="compose-title">
        <h3 id="compose-title">{preview ? "Change the message" : "Write a message"}</h3>
        <p className="field__hint">It goes through the outbox like every email, with each person's own registration link. You see a preview and the number of recipients before anything is sent.</p>
        <PlainField
          id="message-audience"
          name="audience"
          label="Who gets it"
          defaultValue={values.audience ?? "active"}
          errors={errors?.audience}
          options={MESSAGE_AUDIENCES.map((a) => ({ value: a, label: `${MESSAGE_AUDIENCE_LABEL[a]}: ${counts[a]}` }))}
        />
        <PlainField id="message-subject" name="subject" label="Subject" defaultValue={values.subject} errors={errors?.subject} />
        <PlainField id="message-body" name="body" label="Message" rows={8} defaultValue={values.body} errors={errors?.body} hint={`Plain text; a blank line starts a new paragraph. Up to ${MESSAGE_BODY_MAX} characters.`} />
        <button type="submit" name="intent" value="preview" className="button button--secondary">
          Preview
        </button>
      </Form>

      <h3>Sent so far</h3>
      <AuditTable entries={sent} />
    </section>
  );
}
