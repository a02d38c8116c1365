import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Trans } from "react-i18next";
import { useTranslation } from "~/i18n/use-translation";
import { apiTokenFormSchemaIn } from "~/api/api-token-form";
import { apiTokensPage, handleApiTokensAction } from "~/api/api-tokens-admin.server";
import { requireUser } from "~/auth/session.server";
import { ActionNotice } from "~/components/action-notice";
import { FormErrors, SelectField, TextField } from "~/components/form-fields";
import { STEADY_VALIDATION } from "~/components/form-validation";
import { ScrollRegion } from "~/components/scroll-region";
import { viewerZoneFrom } from "~/viewer/viewer-zone.server";
import { consoleTranslatorFor } from "~/i18n/console-catalogues.server";
import { requestLocale } from "~/i18n/request-locale.server";
import { CONSOLE_NAMESPACE } from "~/i18n/translator";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.metaTitle ?? "Podium" }, { name: "robots", content: "noindex" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(context.db, request);
  const locale = requestLocale(request);
  const t = consoleTranslatorFor(locale);
  const page = await apiTokensPage(context.db, user, { zone: viewerZoneFrom(request) ?? "UTC", locale, t });
  return { ...page, metaTitle: t("apiTokens.metaTitle") };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(context.db, request);
  return handleApiTokensAction(context.db, request, user, consoleTranslatorFor(requestLocale(request)));
}

function NewTokenForm({ events }: { events: { id: string; title: string; when: string }[] }) {
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation(CONSOLE_NAMESPACE);
  const apiTokenFormSchema = apiTokenFormSchemaIn(t);
  const scopeOptions = [
    { value: "read", label: t("apiTokens.scope.read") },
    { value: "write", label: t("apiTokens.scope.write") },
  ];
  const eventsOptions = [
    { value: "all", label: t("apiTokens.eventsChoice.all") },
    { value: "chosen", label: t("apiTokens.eventsChoice.chosen") },
  ];
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
      <h2>{t("apiTokens.newToken")}</h2>
      <FormErrors errors={form.errors} id={form.errorId} />
      <TextField field={fields.name} label={t("apiTokens.name")} hint={t("apiTokens.nameHint")} autoComplete="off" />
      <SelectField field={fields.scope} label={t("apiTokens.access")} options={scopeOptions} hint={t("apiTokens.accessHint")} />
      <SelectField field={fields.events} label={t("apiTokens.events")} options={eventsOptions} />
      {events.length > 0 ? (
        <fieldset className="field" aria-describedby={fields.eventIds.errors?.length ? fields.eventIds.errorId : undefined}>
          <legend>{t("apiTokens.chosenEvents")}</legend>
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
          {t("apiTokens.create")}
        </button>
      </div>
    </Form>
  );
}

export default function ApiTokens() {
  const { tokens, events, zone } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation(CONSOLE_NAMESPACE);
  return (
    <section aria-labelledby="api-tokens-title">
      <h1 id="api-tokens-title">{t("apiTokens.title")}</h1>
      <p>
        <Trans t={t} i18nKey="apiTokens.intro" components={{ api: <a href="/api" />, code: <code /> }} />
      </p>
      {actionData?.kind === "created" ? (
        <div className="notice notice--success" role="status">
          <p>{t("apiTokens.created", { name: actionData.name })}</p>
          <p>
            <label htmlFor="new-token-secret">{t("apiTokens.yourNewToken")}</label>
            <input id="new-token-secret" className="token-secret" readOnly value={actionData.secret} />
          </p>
        </div>
      ) : null}
      {actionData?.kind === "message" ? <ActionNotice result={actionData} /> : null}
      <NewTokenForm events={events} />
      <h2>{t("apiTokens.yourTokens")}</h2>
      {tokens.length === 0 ? (
        <p className="empty-state">{t("apiTokens.none")}</p>
      ) : (
        <ScrollRegion label={t("apiTokens.table")}>
          <table className="data-table">
            <caption className="visually-hidden">{t("apiTokens.caption", { zone })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("apiTokens.columns.name")}</th>
                <th scope="col">{t("apiTokens.columns.prefix")}</th>
                <th scope="col">{t("apiTokens.columns.access")}</th>
                <th scope="col">{t("apiTokens.columns.events")}</th>
                <th scope="col">{t("apiTokens.columns.created")}</th>
                <th scope="col">{t("apiTokens.columns.lastUsed")}</th>
                <th scope="col">{t("apiTokens.columns.state")}</th>
              </tr>
            </thead>
            <tbody>
              {tokens.map((token) => (
                <tr key={token.id}>
                  <td>{token.name}</td>
                  <td>
                    <code>{token.displayPrefix}…</code>
                  </td>
                  <td>{t(`apiTokens.scope.${token.scope}`)}</td>
                  <td>{token.events ? token.events.join(", ") : t("apiTokens.allMyEvents")}</td>
                  <td>{token.createdAt}</td>
                  <td>{token.lastUsedAt ?? t("apiTokens.never")}</td>
                  <td>
                    {token.revokedAt ? (
                      t("apiTokens.revokedAt", { at: token.revokedAt })
                    ) : (
                      <Form method="post" className="inline-form">
                        <input type="hidden" name="tokenId" value={token.id} />
                        <button type="submit" name="intent" value="revoke" className="button button--secondary" aria-label={t("apiTokens.revokeLabel", { name: token.name })}>
                          {t("apiTokens.revoke")}
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
