import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { requireUser } from "~/auth/session.server";
import { ScrollRegion } from "~/components/scroll-region";
import { WebhookEndpointForm } from "~/components/webhook-endpoint-form";
import { handleCreateEndpoint, loadWebhooksPage } from "~/webhooks/webhook-console.server";

export const meta: MetaFunction = () => [{ title: "Webhooks — Podium" }, { name: "robots", content: "noindex" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(context.db, request);
  return loadWebhooksPage(context.db, user);
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(context.db, request);
  return handleCreateEndpoint(context.db, request, { user, env: context.env });
}

export default function Webhooks() {
  const { endpoints, eventChoices } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [search] = useSearchParams();
  const created = actionData?.created;
  return (
    <section aria-labelledby="webhooks-title">
      <h1 id="webhooks-title">Webhooks</h1>
      <p>
        Podium POSTs a signed JSON message (<a href="https://www.standardwebhooks.com/">Standard Webhooks</a>) to your endpoints when registrations and
        events change, retrying for up to 3 days. The README shows how to verify the signature.
      </p>
      {search.get("deleted") ? (
        <p className="notice notice--success" role="status">
          Endpoint deleted.
        </p>
      ) : null}
      {created ? (
        <div className="notice notice--success" role="status">
          <p>
            Added <strong>{created.url}</strong>. Its signing secret, shown only now — store it with your receiver:
          </p>
          <p>
            <code className="secret" data-testid="new-secret">
              {created.secret}
            </code>
          </p>
          <p>
            <Link to={`/admin/webhooks/${created.id}`}>Open the endpoint and send a test event</Link>
          </p>
        </div>
      ) : null}
      <h2>Your endpoints</h2>
      {endpoints.length === 0 ? (
        <p className="empty-state">No endpoints yet.</p>
      ) : (
        <ScrollRegion label="Webhook endpoints table">
          <table className="data-table">
            <caption className="visually-hidden">Your webhook endpoints, newest first</caption>
            <thead>
              <tr>
                <th scope="col">URL</th>
                <th scope="col">Events</th>
                <th scope="col">Types</th>
                <th scope="col">State</th>
                <th scope="col">Waiting</th>
              </tr>
            </thead>
            <tbody>
              {endpoints.map((e) => (
                <tr key={e.id}>
                  <td>
                    <Link to={`/admin/webhooks/${e.id}`}>{e.url}</Link>
                    {e.description ? <div>{e.description}</div> : null}
                  </td>
                  <td>{e.scope}</td>
                  <td>{e.eventTypes.length}</td>
                  <td>{e.state}</td>
                  <td>{e.waiting}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
      <h2>Add an endpoint</h2>
      <WebhookEndpointForm lastResult={actionData?.result} eventChoices={eventChoices} />
    </section>
  );
}
