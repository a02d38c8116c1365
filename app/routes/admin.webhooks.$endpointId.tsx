import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { notFound } from "~/auth/event-access.server";
import { requireUser } from "~/auth/session.server";
import { ActionNotice } from "~/components/action-notice";
import { ScrollRegion } from "~/components/scroll-region";
import { viewerZoneFrom } from "~/viewer/viewer-zone.server";
import { findEndpointFor } from "~/webhooks/endpoints.server";
import { handleEndpointAction, loadEndpointPage } from "~/webhooks/webhook-console.server";

export const meta: MetaFunction = () => [{ title: "Webhook endpoint — Podium" }, { name: "robots", content: "noindex" }];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireUser(context.db, request);
  const page = await loadEndpointPage(context.db, user, params.endpointId, viewerZoneFrom(request) ?? "UTC");
  if (!page) throw notFound("No such webhook endpoint in your console.");
  return page;
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(context.db, request);
  const endpoint = await findEndpointFor(context.db, user, params.endpointId);
  if (!endpoint) throw notFound("No such webhook endpoint in your console.");
  return handleEndpointAction(context.db, request, { user, endpoint });
}

const STATUS_WORDS = { queued: "Waiting", sending: "Sending", delivered: "Delivered", failed: "Failed" } as const;

export default function WebhookEndpointPage() {
  const { endpoint, deliveries } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <section aria-labelledby="endpoint-title">
      <p>
        <Link to="/admin/webhooks">← Webhooks</Link>
      </p>
      <h1 id="endpoint-title" className="break-anywhere">
        {endpoint.url}
      </h1>
      {endpoint.description ? <p>{endpoint.description}</p> : null}
      <ActionNotice result={actionData} />
      {actionData?.secret ? (
        <p className="notice notice--success">
          New signing secret, shown only now: <code data-testid="new-secret">{actionData.secret}</code>
        </p>
      ) : null}
      {endpoint.disabled ? (
        <p className="notice notice--warning">Disabled{endpoint.disabledReason ? `: ${endpoint.disabledReason}` : ""}. Nothing is sent until you enable it.</p>
      ) : endpoint.failingSince ? (
        <p className="notice notice--warning">Failing since {endpoint.failingSince}; after 3 days of failures the endpoint is disabled and you are emailed.</p>
      ) : null}
      {endpoint.previousSecretUntil ? <p>The previous secret also signs until {endpoint.previousSecretUntil}.</p> : null}
      <p>Subscribed to: {endpoint.eventTypes.join(", ")}</p>
      <div className="toolbar">
        <Form method="post" className="inline-form">
          <button type="submit" name="intent" value="test" className="button">
            Send a test event
          </button>
        </Form>
        <Form method="post" className="inline-form">
          <button type="submit" name="intent" value="rotate" className="button button--secondary">
            Rotate secret
          </button>
        </Form>
        <Form method="post" className="inline-form">
          <button type="submit" name="intent" value={endpoint.disabled ? "enable" : "disable"} className="button button--secondary">
            {endpoint.disabled ? "Enable" : "Disable"}
          </button>
        </Form>
        <Form method="post" className="inline-form">
          <button type="submit" name="intent" value="delete" className="button button--secondary">
            Delete endpoint
          </button>
        </Form>
      </div>
      <h2>Delivery log</h2>
      <p>The last 50 messages; attempts are kept for 30 days.</p>
      {deliveries.length === 0 ? (
        <p className="empty-state">Nothing sent yet.</p>
      ) : (
        <ScrollRegion label="Delivery log table">
          <table className="data-table">
            <caption className="visually-hidden">Deliveries to this endpoint, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Message</th>
                <th scope="col">Status</th>
                <th scope="col">Attempts</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
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
                        Request <span className="visually-hidden">body of {d.messageId}</span>
                      </summary>
                      <p>
                        webhook-id: <code>{d.messageId}</code>
                      </p>
                      <pre className="break-anywhere">{d.body}</pre>
                    </details>
                  </td>
                  <td>
                    {STATUS_WORDS[d.status]}
                    {d.nextAttemptAt ? <div>next try {d.nextAttemptAt}</div> : null}
                  </td>
                  <td>
                    {d.attempts.length === 0 ? (
                      "none yet"
                    ) : (
                      <ol reversed>
                        {d.attempts.map((a) => (
                          <li key={a.id}>
                            {a.at}: {a.outcome} in {a.durationMs} ms
                            {a.responseBody ? (
                              <details>
                                <summary>Response</summary>
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
                        <button type="submit" name="intent" value="redeliver" className="button button--secondary" aria-label={`Redeliver ${d.eventType} ${d.messageId}`}>
                          Redeliver
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
