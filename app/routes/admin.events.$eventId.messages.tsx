import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { requireEventAccess } from "~/auth/event-access.server";
import { ActionNotice } from "~/components/action-notice";
import { PlainField } from "~/components/form-fields";
import { MESSAGE_AUDIENCES, MESSAGE_BODY_MAX } from "~/events/registrant-message-form";
import { ScrollRegion } from "~/components/scroll-region";
import { useTranslation } from "~/i18n/use-translation";
import { requestLocale } from "~/i18n/request-locale.server";
import { CONSOLE_NAMESPACE } from "~/i18n/translator";
import { handleRegistrantMessageAction } from "~/events/registrant-messages-action.server";
import { audienceCounts, listSentMessages } from "~/events/registrant-messages.server";
import { viewerZoneFrom } from "~/viewer/viewer-zone.server";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { event } = await requireEventAccess(context.db, request, params.eventId);
  const [counts, sent] = await Promise.all([audienceCounts(context.db, event.id), listSentMessages(context.db, event.id, viewerZoneFrom(request) ?? event.homeZone, requestLocale(request))]);
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
  const { t } = useTranslation(CONSOLE_NAMESPACE);
  return (
    <section aria-labelledby="messages-title">
      <h2 id="messages-title">{t("messages.title")}</h2>
      <ActionNotice result={actionData} />

      {preview ? (
        <Form method="post" className="panel confirm-box" aria-labelledby="preview-title">
          <h3 id="preview-title">{t("messages.preview.heading", { count: preview.count })}</h3>
          {preview.count === 0 ? <p>{t("messages.preview.nobody")}</p> : <p>{t("messages.preview.intro")}</p>}
          <p>
            <strong>{t("messages.preview.subject")}</strong> {preview.subject}
          </p>
          <pre className="email-preview">{preview.text}</pre>
          {(["audience", "subject", "body"] as const).map((name) => (
            <input key={name} type="hidden" name={name} value={values[name] ?? ""} />
          ))}
          <input type="hidden" name="messageId" value={preview.messageId} />
          <input type="hidden" name="expectedCount" value={preview.count} />
          {preview.count > 0 ? (
            <button type="submit" name="intent" value="send" className="button">
              {t("messages.preview.send", { count: preview.count })}
            </button>
          ) : null}
        </Form>
      ) : null}

      <Form method="post" className="stack-form panel" aria-labelledby="compose-title">
        <h3 id="compose-title">{t(preview ? "messages.compose.change" : "messages.compose.write")}</h3>
        <p className="field__hint">{t("messages.compose.hint")}</p>
        <PlainField
          id="message-audience"
          name="audience"
          label={t("messages.field.audience")}
          defaultValue={values.audience ?? "active"}
          errors={errors?.audience}
          options={MESSAGE_AUDIENCES.map((a) => ({ value: a, label: t("messages.audienceCount", { audience: t(`messages.audience.${a}`), n: counts[a] }) }))}
        />
        <PlainField id="message-subject" name="subject" label={t("messages.field.subject")} defaultValue={values.subject} errors={errors?.subject} />
        <PlainField id="message-body" name="body" label={t("messages.field.body")} rows={8} defaultValue={values.body} errors={errors?.body} hint={t("messages.field.bodyHint", { max: MESSAGE_BODY_MAX })} />
        <button type="submit" name="intent" value="preview" className="button button--secondary">
          {t("messages.previewButton")}
        </button>
      </Form>

      <h3>{t("messages.sentSoFar.heading")}</h3>
      {sent.length === 0 ? (
        <p>{t("messages.sentSoFar.none")}</p>
      ) : (
        <ScrollRegion label={t("messages.sentSoFar.table")}>
          <table className="data-table">
            <caption className="visually-hidden">{t("messages.sentSoFar.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("messages.sentSoFar.when")}</th>
                <th scope="col">{t("messages.sentSoFar.who")}</th>
                <th scope="col">{t("messages.sentSoFar.what")}</th>
              </tr>
            </thead>
            <tbody>
              {sent.map((e) => (
                <tr key={e.id}>
                  <td>{e.at}</td>
                  <td>{e.actor}</td>
                  <td>
                    {e.sent
                      ? t("messages.sentSoFar.summary", { count: e.sent.queued, audience: t(`messages.audience.${e.sent.audience}`).toLowerCase(), subject: e.sent.subject })
                      : e.summary}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </section>
  );
}
