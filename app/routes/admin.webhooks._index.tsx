import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { requireUser } from "~/auth/session.server";
import { ScrollRegion } from "~/components/scroll-region";
import { WebhookEndpointForm } from "~/components/webhook-endpoint-form";
import { handleCreateEndpoint, loadWebhooksPage } from "~/webhooks/webhook-console.server";
import { Trans } from "react-i18next";
import { useTranslation } from "~/i18n/use-translation";
import { consoleTranslatorFor } from "~/i18n/console-catalogues.server";
import { requestLocale } from "~/i18n/request-locale.server";
import { CONSOLE_NAMESPACE } from "~/i18n/translator";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.metaTitle ?? "Podium" }, { name: "robots", content: "noindex" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(context.db, request);
  const page = await loadWebhooksPage(context.db, user);
  return { ...page, metaTitle: consoleTranslatorFor(requestLocale(request))("webhooks.metaTitle") };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(context.db, request);
  return handleCreateEndpoint(context.db, request, { user, env: context.env, t: consoleTranslatorFor(requestLocale(request)) });
}

export default function Webhooks() {
  const { endpoints, eventChoices } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [search] = useSearchParams();
  const created = actionData?.created;
  const { t } = useTranslation(CONSOLE_NAMESPACE);
  return (
    <section aria-labelledby="webhooks-title">
      <h1 id="webhooks-title">{t("webhooks.title")}</h1>
      <p>
        <Trans t={t} i18nKey="webhooks.intro" components={{ spec: <a href="https://www.standardwebhooks.com/" /> }} />
      </p>
      {search.get("deleted") ? (
        <p className="notice notice--success" role="status">
          {t("webhooks.deleted")}
        </p>
      ) : null}
      {created ? (
        <div className="notice notice--success" role="status">
          <p>
            <Trans t={t} i18nKey="webhooks.added" values={{ url: created.url }} components={{ url: <strong /> }} />
          </p>
          <p>
            <code className="secret" data-testid="new-secret">
              {created.secret}
            </code>
          </p>
          <p>
            <Link to={`/admin/webhooks/${created.id}`}>{t("webhooks.openEndpoint")}</Link>
          </p>
        </div>
      ) : null}
      <h2>{t("webhooks.yourEndpoints")}</h2>
      {endpoints.length === 0 ? (
        <p className="empty-state">{t("webhooks.none")}</p>
      ) : (
        <ScrollRegion label={t("webhooks.table")}>
          <table className="data-table">
            <caption className="visually-hidden">{t("webhooks.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("webhooks.columns.url")}</th>
                <th scope="col">{t("webhooks.columns.events")}</th>
                <th scope="col">{t("webhooks.columns.types")}</th>
                <th scope="col">{t("webhooks.columns.state")}</th>
                <th scope="col">{t("webhooks.columns.waiting")}</th>
              </tr>
            </thead>
            <tbody>
              {endpoints.map((e) => (
                <tr key={e.id}>
                  <td>
                    <Link to={`/admin/webhooks/${e.id}`}>{e.url}</Link>
                    {e.description ? <div>{e.description}</div> : null}
                  </td>
                  <td>{e.scope ?? t("webhooks.allYourEvents")}</td>
                  <td>{e.eventTypes.length}</td>
                  <td>{t(`webhooks.state.${e.state}`)}</td>
                  <td>{e.waiting}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
      <h2>{t("webhooks.addEndpoint")}</h2>
      <WebhookEndpointForm lastResult={actionData?.result} eventChoices={eventChoices} />
    </section>
  );
}
