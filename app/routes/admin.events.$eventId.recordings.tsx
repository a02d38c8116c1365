import { ConfirmPanel } from "~/components/confirm-panel";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { requireEventAccess } from "~/auth/event-access.server";
import { PlainField } from "~/components/form-fields";
import { useResetOnSuccess } from "~/components/use-reset-on-success";
import { handleRecordingsAction, listRecordingsForEditing, recordingVisibility } from "~/events/recordings-admin.server";
import { ActionNotice } from "~/components/action-notice";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { event } = await requireEventAccess(context.db, request, params.eventId);
  const recordings = await listRecordingsForEditing(context.db, event.id);
  const now = new Date();
  return {
    ended: event.endsAt <= now,
    visibility: recordingVisibility(event, now),
    recordings: recordings.map((r) => ({ id: r.id, label: r.label, url: r.url, published: r.publishedAt !== null })),
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, event } = await requireEventAccess(context.db, request, params.eventId);
  return handleRecordingsAction(context.db, request, { user, event, links: context.links });
}

export default function Recordings() {
  const { ended, visibility, recordings } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const addFormRef = useResetOnSuccess(actionData, (result) => result.formId === "new");
  const values = (!actionData?.ok && actionData?.values) || {};
  return (
    <section aria-labelledby="recordings-title">
      <h2 id="recordings-title">Recordings</h2>
      <ActionNotice result={actionData} />
      {actionData?.confirmNotify ? (
        <ConfirmPanel
          fields={{ audience: actionData.confirmNotify.audience, confirm: "yes" }}
          intent="notify"
          tone="plain"
          confirmLabel={`Yes, send ${actionData.confirmNotify.count === 1 ? "1 email" : `${actionData.confirmNotify.count} emails`}`}
          backLabel="Not now"
        >
          Email the recording to {actionData.confirmNotify.count === 1 ? "1 person" : `${actionData.confirmNotify.count} people`}
          {actionData.confirmNotify.audience === "absentees" ? " who registered but did not join" : " confirmed for the event"}?
        </ConfirmPanel>
      ) : null}
      <p className="field__hint">Published links: {visibility}.</p>
      {recordings.length ? (
        <ul className="agenda-builder">
          {recordings.map((r) => (
            <li key={r.id} className="panel">
              <h3>{r.label}</h3>
              <p>
                <a href={r.url} rel="noopener noreferrer">
                  {r.url}
                </a>{" "}
                — {r.published ? "published" : "not published"}
              </p>
              <Form method="post" className="inline-form">
                <input type="hidden" name="recordingId" value={r.id} />
                {r.published ? (
                  <button type="submit" name="intent" value="unpublish" className="button button--secondary button--small" aria-label={`Unpublish ${r.label}`}>
                    Unpublish
                  </button>
                ) : (
                  <button type="submit" name="intent" value="publish" className="button button--small" aria-label={`Publish ${r.label}`}>
                    Publish
                  </button>
                )}
                <button type="submit" name="intent" value="delete" className="button button--danger button--small" aria-label={`Remove ${r.label}`}>
                  Remove
                </button>
              </Form>
            </li>
          ))}
        </ul>
      ) : (
        <p>No recording links yet.</p>
      )}

      <Form ref={addFormRef} method="post" className="stack-form panel" aria-labelledby="add-recording-title">
        <h3 id="add-recording-title">Add a recording link</h3>
        <PlainField id="recording-label" name="label" label="Label" defaultValue={values.label ?? "Watch the recording"} errors={actionData?.fieldErrors?.label} />
        <PlainField id="recording-url" name="url" label="Link" type="url" defaultValue={values.url} errors={actionData?.fieldErrors?.url} />
        <div className="field field--checkbox">
          <input type="checkbox" id="recording-publish" name="publish" defaultChecked />
          <label htmlFor="recording-publish">Publish on the event page now</label>
        </div>
        <button type="submit" name="intent" value="add" className="button">
          Add recording
        </button>
      </Form>

      {recordings.some((r) => r.published) && !ended ? (
        <p className="panel">You can email registrants about the recording once the event has ended.</p>
      ) : null}
      {recordings.some((r) => r.published) && ended ? (
        <Form method="post" className="stack-form panel" aria-labelledby="notify-title">
          <h3 id="notify-title">Tell registrants</h3>
          <fieldset className="field">
            <legend>Who gets the email</legend>
            <label className="choice">
              <input type="radio" name="audience" value="all" defaultChecked /> Everyone confirmed
            </label>
            <label className="choice">
              <input type="radio" name="audience" value="absentees" /> Only those who did not join
            </label>
          </fieldset>
          <button type="submit" name="intent" value="notify-ask" className="button">
            Email the recording…
          </button>
        </Form>
      ) : null}
    </section>
  );
}
