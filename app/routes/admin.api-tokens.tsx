import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { apiTokenFormSchema } from "~/api/api-token-form";
import { apiTokensPage, handleApiTokensAction } from "~/api/api-tokens-admin.server";
import { requireUser } from "~/auth/session.server";
import { ActionNotice } from "~/components/action-notice";
import { FormErrors, SelectField, TextField } from "~/components/form-fields";
import { STEADY_VALIDATION } from "~/components/form-validation";
import { ScrollRegion } from "~/components/scroll-region";
import { viewerZoneFrom } from "~/viewer/viewer-zone.server";

export const meta: MetaFunction = () => [{ title: "API tokens — Podium" }, { name: "robots", content: "noindex" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(context.db, request);
  return apiTokensPage(context.db, user, viewerZoneFrom(request) ?? "UTC");
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(context.db, request);
  return handleApiTokensAction(context.db, request, user);
}

const SCOPE_OPTIONS = [
  { value: "read", label: "Read-only" },
  { value: "write", label: "Read-write" },
];
const EVENTS_OPTIONS = [
  { value: "all", label: "All my events (and ones I add later)" },
  { value: "chosen", label: "Only the events ticked below" },
];

function NewTokenForm({ events }: { events: { id: string; title: string; when: string }[] }) {
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "new-token-form",
    lastResult: actionData?.kind === "form" ? actionData.result : undefined,
    defaultValue: { scope: "read", events: "all" },
    constraint: getZodConstraint(apiTokenFormSchema),
    ...STEADY_VALIDATION,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: apiTokenFormSchema }),
  });
  const chosen = new Set((fields.eventIds.initialValue as string[] | string | undefined) ?? []);
  return (
    <Form method="post" className="stack-form panel" {...getFormProps(form)}>
      <h2>New token</h2>
      <FormErrors errors={form.errors} id={form.errorId} />
      <TextField field={fields.name} label="Name" hint="What will use it, e.g. “Department website”." autoComplete="off" />
      <SelectField field={fields.scope} label="Access" options={SCOPE_OPTIONS} hint="Read-only tokens can list and read; read-write tokens can also create and change." />
      <SelectField field={fields.events} label="Events" options={EVENTS_OPTIONS} />
      {events.length > 0 ? (
        <fieldset className="field" aria-describedby={fields.eventIds.errors?.length ? fields.eventIds.errorId : undefined}>
          <legend>Chosen events (used when “Only the events ticked below” is selected)</legend>
          {events.map((event) => (
            <div className="field field--checkbox" key={event.id}>
              <input type="checkbox" id={`token-event-${event.id}`} name={fields.eventIds.name} value={event.id} defaultChecked={chosen.has(event.id)} />
              <label htmlFor={`token-event-${event.id}`}>
                {event.title} ({event.when})
              </label>
            </div>
          ))}
          {fields.eventIds.errors?.length ? (
            <p className="field-error" id={fields.eventIds.errorId}>
              {fields.eventIds.errors.join(" ")}
            </p>
          ) : null}
        </fieldset>
      ) : null}
      <div className="toolbar">
        <button type="submit" className="button">
          Create token
        </button>
      </div>
    </Form>
  );
}

export default function ApiTokens() {
  const { tokens, events, zone } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <section aria-labelledby="api-tokens-title">
      <h1 id="api-tokens-title">API tokens</h1>
      <p>
        Tokens let other systems use the <a href="/api">Podium API</a> as you: they see and change exactly the events you manage (or fewer). Send one as{" "}
        <code>Authorization: Bearer …</code>.
      </p>
      {actionData?.kind === "created" ? (
        <div className="notice notice--success" role="status">
          <p>
            Created “{actionData.name}”. Copy the token now: it is not shown again.
          </p>
          <p>
            <label htmlFor="new-token-secret">Your new token</label>
            <input id="new-token-secret" className="token-secret" readOnly value={actionData.secret} />
          </p>
        </div>
      ) : null}
      {actionData?.kind === "message" ? <ActionNotice result={actionData} /> : null}
      <NewTokenForm events={events} />
      <h2>Your tokens</h2>
      {tokens.length === 0 ? (
        <p className="empty-state">No tokens yet.</p>
      ) : (
        <ScrollRegion label="API tokens table">
          <table className="data-table">
            <caption className="visually-hidden">Your API tokens, newest first; times in {zone}</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Starts with</th>
                <th scope="col">Access</th>
                <th scope="col">Events</th>
                <th scope="col">Created</th>
                <th scope="col">Last used</th>
                <th scope="col">State</th>
              </tr>
            </thead>
            <tbody>
              {tokens.map((token) => (
                <tr key={token.id}>
                  <td>{token.name}</td>
                  <td>
                    <code>{token.displayPrefix}…</code>
                  </td>
                  <td>{token.scope === "write" ? "Read-write" : "Read-only"}</td>
                  <td>{token.events ? token.events.join(", ") : "All my events"}</td>
                  <td>{token.createdAt}</td>
                  <td>{token.lastUsedAt ?? "Never"}</td>
                  <td>
                    {token.revokedAt ? (
                      `Revoked ${token.revokedAt}`
                    ) : (
                      <Form method="post" className="inline-form">
                        <input type="hidden" name="tokenId" value={token.id} />
                        <button type="submit" name="intent" value="revoke" className="button button--secondary" aria-label={`Revoke ${token.name}`}>
                          Revoke
                        </button>
                      </Form>
                    )}
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
