import { ConfirmPanel } from "~/components/confirm-panel";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { requireEventAccess } from "~/auth/event-access.server";
import { PlainField } from "~/components/form-fields";
import { useResetOnSuccess } from "~/components/use-reset-on-success";
import { handleRecordingsAction, listRecordingsForEditing, recordingVisibility } from "~/events/recordings-admin.server";
import { ActionNotice } from "~/components/action-notice";
import { useTranslation } from "~/i18n/use-translation";
import { consoleTranslatorFor } from "~/i18n/console-catalogues.server";
import { requestLocale } from "~/i18n/request-locale.server";
import { CONSOLE_NAMESPACE } from "~/i18n/translator";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { event } = await requireEventAccess(context.db, request, params.eventId);
  const recordings = await listRecordingsForEditing(context.db, event.id);
  const now = new Date();
  return {
    ended: event.endsAt <= now,
    visibility: recordingVisibility(event, now, consoleTranslatorFor(requestLocale(request))),
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
  const { t } = useTranslation(CONSOLE_NAMESPACE);
  return (
    <section aria-labelledby="recordings-title">
      <h2 id="recordings-title">{t("recordings.title")}</h2>
      <ActionNotice result={actionData} />
      {actionData?.confirmNotify ? (
        <ConfirmPanel
          fields={{ audience: actionData.confirmNotify.audience, confirm: "yes" }}
          intent="notify"
          tone="plain"
          confirmLabel={t("recordings.confirm.button", { count: actionData.confirmNotify.count })}
          backLabel={t("recordings.confirm.back")}
        >
          {t(actionData.confirmNotify.audience === "absentees" ? "recordings.confirm.absentees" : "recordings.confirm.all", { count: actionData.confirmNotify.count })}
        </ConfirmPanel>
      ) : null}
      <p className="field__hint">{t("recordings.visibilityLine", { visibility })}</p>
      {recordings.length ? (
        <ul className="agenda-builder">
          {recordings.map((r) => (
            <li key={r.id} className="panel">
              <h3>{r.label}</h3>
              <p>
                <a href={r.url} rel="noopener noreferrer">
                  {r.url}
                </a>{" "}
                — {t(r.published ? "recordings.published" : "recordings.notPublished")}
              </p>
              <Form method="post" className="inline-form">
                <input type="hidden" name="recordingId" value={r.id} />
                {r.published ? (
                  <button type="submit" name="intent" value="unpublish" className="button button--secondary button--small" aria-label={t("recordings.unpublishLabel", { label: r.label })}>
                    {t("recordings.unpublish")}
                  </button>
                ) : (
                  <button type="submit" name="intent" value="publish" className="button button--small" aria-label={t("recordings.publishLabel", { label: r.label })}>
                    {t("recordings.publish")}
                  </button>
                )}
                <button type="submit" name="intent" value="delete" className="button button--danger button--small" aria-label={t("recordings.removeLabel", { label: r.label })}>
                  {t("recordings.remove")}
                </button>
              </Form>
            </li>
          ))}
        </ul>
      ) : (
        <p>{t("recordings.none")}</p>
      )}

      <Form ref={addFormRef} method="post" className="stack-form panel" aria-labelledby="add-recording-title">
        <h3 id="add-recording-title">{t("recordings.addHeading")}</h3>
        <PlainField id="recording-label" name="label" label={t("recordings.field.label")} defaultValue={values.label ?? t("recordings.field.labelDefault")} errors={actionData?.fieldErrors?.label} />
        <PlainField id="recording-url" name="url" label={t("recordings.field.url")} type="url" defaultValue={values.url} errors={actionData?.fieldErrors?.url} />
        <div className="field field--checkbox">
          <input type="checkbox" id="recording-publish" name="publish" defaultChecked />
          <label htmlFor="recording-publish">{t("recordings.field.publish")}</label>
        </div>
        <button type="submit" name="intent" value="add" className="button">
          {t("recordings.add")}
        </button>
      </Form>

      {recordings.some((r) => r.published) && !ended ? (
        <p className="panel">{t("recordings.afterEnd")}</p>
      ) : null}
      {recordings.some((r) => r.published) && ended ? (
        <Form method="post" className="stack-form panel" aria-labelledby="notify-title">
          <h3 id="notify-title">{t("recordings.notify.heading")}</h3>
          <fieldset className="field">
            <legend>{t("recordings.notify.audience")}</legend>
            <label className="choice">
              <input type="radio" name="audience" value="all" defaultChecked /> {t("recordings.notify.all")}
            </label>
            <label className="choice">
              <input type="radio" name="audience" value="absentees" /> {t("recordings.notify.absentees")}
            </label>
          </fieldset>
          <button type="submit" name="intent" value="notify-ask" className="button">
            {t("recordings.notify.button")}
          </button>
        </Form>
      ) : null}
    </section>
  );
}
