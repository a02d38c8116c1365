import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { notFound } from "~/auth/event-access.server";
import { requireUser } from "~/auth/session.server";
import { ActionNotice } from "~/components/action-notice";
import { ScrollRegion } from "~/components/scroll-region";
import { viewerZoneFrom } from "~/viewer/viewer-zone.server";
import { findEndpointFor } from "~/webhooks/endpoints.server";
import { handleEndpointAction, loadEndpointPage } from "~/webhooks/webhook-console.server";
import { Trans } from "react-i18next";
import { useTranslation } from "~/i18n/use-translation";
import { consoleTranslatorFor } from "~/i18n/console-catalogues.server";
import { requestLocale } from "~/i18n/request-locale.server";
import { CONSOLE_NAMESPACE } from "~/i18n/translator";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.metaTitle ?? "Podium" }, { name: "robots", content: "noindex" }];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireUser(context.db, request);
  const locale = requestLocale(request);
  const t = consoleTranslatorFor(locale);
  const page = await loadEndpointPage(context.db, user, params.endpointId, { zone: viewerZoneFrom(request) ?? "UTC", locale, t });
  if (!page) throw notFound(t("deliveries.notFound"));
  return { ...page, metaTitle: t("deliveries.metaTitle") };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(context.db, request);
  const t = consoleTranslatorFor(requestLocale(request));
  const endpoint = await findEndpointFor(context.db, user, params.endpointId);
  if (!endpoint) throw notFound(t("deliveries.notFound"));
  return handleEndpointAction(context.db, request, { user, endpoint, t });
}

export default function WebhookEndpointPage() {
  const { endpoint, deliveries } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation(CONSOLE_NAMESPACE);
  return (
    <section aria-labelledby="endpoint-title">
      <p>
        <Link to="/admin/webhooks">{t("deliveries.back")}</Link>
      </p>
      <h1 id="endpoint-title" className="break-anywhere">
        {endpoint.url}
      </h1>
      {endpoint.description ? <p>{endpoint.description}</p> : null}
      <ActionNotice result={actionData} />
      {actionData?.secret ? (
        <p className="notice notice--success">
          {t("deliveries.newSecret")} <code data-testid="new-secret">{actionData.secret}</code>
        </p>
      ) : null}
      {endpoint.disabled ? (
        <p className="notice notice--warning">
          {endpoint.disabledReason ? t("deliveries.disabledBecause", { reason: endpoint.disabledReason }) : t("deliveries.disabled")}
        </p>
      ) : endpoint.failingSince ? (
        <p className="notice notice--warning">{t("deliveries.failingSince", { since: endpoint.failingSince })}</p>
      ) : null}
      {endpoint.previousSecretUntil ? <p>{t("deliveries.previousSecret", { until: endpoint.previousSecretUntil })}</p> : null}
      <p>
        {t("deliveries.subscribed")}{" "}
        {endpoint.eventTypes.map((type, index) => (
          <span key={type}>
            {index > 0 ? ", " : null}
            <code>{type}</code>
          </span>
        ))}
      </p>
      <div className="toolbar">
        <Form method="post" className="inline-form">
          <button type="submit" name="intent" value="test" className="button">
            {t("deliveries.sendTest")}
          </button>
        </Form>
        <Form method="post" className="inline-form">
          <button type="submit" name="intent" value="rotate" className="button button--secondary">
            {t("deliveries.rotate")}
          </button>
        </Form>
        <Form method="post" className="inline-form">
          <button type="submit" name="intent" value={endpoint.disabled ? "enable" : "disable"} className="button button--secondary">
            {endpoint.disabled ? t("deliveries.enable") : t("deliveries.disable")}
          </button>
        </Form>
        <Form method="post" className="inline-form">
          <button type="submit" name="intent" value="delete" className="button button--secondary">
            {t("deliveries.delete")}
          </button>
        </Form>
      </div>
      <h2>{t("deliveries.logTitle")}</h2>
      <p>{t("deliveries.logIntro")}</p>
      {deliveries.length === 0 ? (
        <p className="empty-state">{t("deliveries.none")}</p>
      ) : (
        <ScrollRegion label={t("deliveries.table")}>
          <table className="data-table">
            <caption className="visually-hidden">{t("deliveries.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("deliveries.columns.message")}</th>
                <th scope="col">{t("deliveries.columns.status")}</th>
                <th scope="col">{t("deliveries.columns.attempts")}</th>
                <th scope="col">
                  <span className="visually-hidden">{t("deliveries.columns.actions")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {deliveries.map((d) => (
                <tr key={d.id}>
                  <td>
                    <code>{d.eventType}</code>
                    <div>{d.createdAt}</div>
                    <details>
                      <summary>
                        {t("deliveries.request")} <span className="visually-hidden">
                          <Trans t={t} i18nKey="deliveries.requestBody" values={{ id: d.messageId }} components={{ code: <code /> }} />
                        </span>
                      </summary>
                      <p>
                        webhook-id: <code>{d.messageId}</code>
                      </p>
                      <pre className="break-anywhere">{d.body}</pre>
                    </details>
                  </td>
                  <td>
                    {t(`deliveries.status.${d.status}`)}
                    {d.nextAttemptAt ? <div>{t("deliveries.nextTry", { at: d.nextAttemptAt })}</div> : null}
                  </td>
                  <td>
                    {d.attempts.length === 0 ? (
                      t("deliveries.noAttempts")
                    ) : (
                      <ol reversed>
                        {d.attempts.map((a) => (
                          <li key={a.id}>
                            {t("deliveries.attempt", { at: a.at, outcome: a.outcome, ms: a.durationMs })}
                            {a.responseBody ? (
                              <details>
                                <summary>{t("deliveries.response")}</summary>
                                <pre className="break-anywhere">{a.responseBody}</pre>
                              </details>
                            ) : null}
                          </li>
                        ))}
                      </ol>
                    )}
                  </td>
                  <td>
                    {d.status === "delivered" || d.status === "failed" ? (
                      <Form method="post" className="inline-form">
                        <input type="hidden" name="deliveryId" value={d.id} />
                        <button type="submit" name="intent" value="redeliver" className="button button--secondary" aria-label={t("deliveries.redeliverLabel", { type: d.eventType, id: d.messageId })}>
                          {t("deliveries.redeliver")}
                        </button>
                      </Form>
                    ) : null}
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
