import { ConfirmPanel } from "~/components/confirm-panel";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { AGENDA_KINDS, AGENDA_ROLES } from "~/agenda/agenda-form";
import { handleAgendaAction } from "~/agenda/agenda-action.server";
import { loadAgendaBuilder } from "~/agenda/agenda-admin.server";
import { requireEventAccess } from "~/auth/event-access.server";
import { PlainField } from "~/components/form-fields";
import { useResetOnSuccess } from "~/components/use-reset-on-success";
import { ActionNotice } from "~/components/action-notice";
import { viewerZoneFrom } from "~/viewer/viewer-zone.server";
import { Trans } from "react-i18next";
import { useTranslation } from "~/i18n/use-translation";
import { requestLocale } from "~/i18n/request-locale.server";
import { CONSOLE_NAMESPACE } from "~/i18n/translator";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { event } = await requireEventAccess(context.db, request, params.eventId);
  return loadAgendaBuilder(context.db, event, viewerZoneFrom(request), requestLocale(request));
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, event } = await requireEventAccess(context.db, request, params.eventId);
  return handleAgendaAction(context.db, request, { user, event, links: context.links });
}

type Values = Record<string, string>;

function SegmentFields({ formId, values, errors, homeZone }: { formId: string; values: Values; errors: Record<string, string[]> | undefined; homeZone: string }) {
  const { t } = useTranslation(CONSOLE_NAMESPACE);
  const idFor = (name: string) => `${formId}-${name}`;
  const kindOptions = AGENDA_KINDS.map((k) => ({ value: k, label: t(`agenda.kind.${k}`) }));
  return (
    <>
      <PlainField id={idFor("kind")} name="kind" label={t("agenda.field.kind")} options={kindOptions} defaultValue={values.kind ?? "talk"} errors={errors?.kind} />
      <PlainField id={idFor("title")} name="title" label={t("agenda.field.title")} defaultValue={values.title} errors={errors?.title} />
      <PlainField id={idFor("abstract")} name="abstract" label={t("agenda.field.abstract")} optional rows={3} defaultValue={values.abstract} errors={errors?.abstract} />
      <div className="field-row">
        <PlainField id={idFor("startDate")} name="startDate" label={t("agenda.field.date")} type="date" optional defaultValue={values.startDate} errors={errors?.startDate} />
        <PlainField
          id={idFor("startTime")}
          name="startTime"
          label={t("agenda.field.start", { zone: homeZone.replace(/_/g, " ") })}
          type="time"
          optional
          defaultValue={values.startTime}
          errors={errors?.startTime}
        />
        <PlainField id={idFor("durationMinutes")} name="durationMinutes" label={t("agenda.field.minutes")} type="number" optional defaultValue={values.durationMinutes} errors={errors?.durationMinutes} />
      </div>
    </>
  );
}

export default function AgendaBuilder() {
  const { event, segments, directory } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errorsFor = (formId: string) => (actionData?.formId === formId ? actionData.fieldErrors : undefined);
  const valuesFor = (formId: string, fallback: Values): Values => (actionData?.formId === formId && actionData.values && !actionData.ok ? actionData.values : fallback);
  const addFormRef = useResetOnSuccess(actionData, (result) => result.formId === "new");
  const { t } = useTranslation(CONSOLE_NAMESPACE);
  const zonesText = event.displayZones.map((z) => z.replace(/_/g, " ")).join(t("agenda.zoneSeparator"));
  const roleOptions = AGENDA_ROLES.map((r) => ({ value: r, label: t(`agenda.role.${r}`) }));
  return (
    <section aria-labelledby="agenda-title">
      <h2 id="agenda-title">{t("agenda.title")}</h2>
      <ActionNotice result={actionData} />
      {actionData?.confirmDelete ? (
        <ConfirmPanel fields={{ itemId: actionData.confirmDelete.id, confirm: "yes" }} intent="delete" confirmLabel={t("agenda.confirmDelete.button")}>
          {t("agenda.confirmDelete.question", { title: actionData.confirmDelete.title })}{" "}
          {actionData.confirmDelete.people ? `${t("agenda.confirmDelete.people", { count: actionData.confirmDelete.people })} ` : ""}
          {t("agenda.confirmDelete.final")}
        </ConfirmPanel>
      ) : null}
      <p>
        {t("agenda.intro", { home: event.homeZone.replace(/_/g, " "), zones: zonesText })}
      </p>
      {segments.length > 0 ? (
        <Form method="post" className="toolbar">
          <button type="submit" name="intent" value="fill" className="button button--secondary">
            {t("agenda.fill")}
          </button>
        </Form>
      ) : null}

      <ol className="agenda-builder">
        {segments.map((segment) => (
          <li key={segment.id} className="panel agenda-builder__item" aria-labelledby={`segment-${segment.id}-title`}>
            <p className="agenda__kind">{segment.kindLabel}</p>
            <h3 id={`segment-${segment.id}-title`}>{segment.title}</h3>
            {segment.times.length ? (
              <p className="agenda__times">
                {segment.times.map((time) => (
                  <span key={time}>{time}</span>
                ))}
              </p>
            ) : (
              <p className="field__hint">{t("agenda.noTime")}</p>
            )}
            {segment.warnings.length ? (
              <ul className="warning-list" aria-label={t("agenda.warningsFor", { title: segment.title })}>
                {segment.warnings.map((w) => (
                  <li key={w}>{w}</li>
                ))}
              </ul>
            ) : null}
            {segment.people.length ? (
              <ul className="agenda-builder__people">
                {segment.people.map((p) => (
                  <li key={p.roleId}>
                    <span>
                      {t("agenda.personLine", { role: p.roleLabel, name: p.name })}
                      {p.affiliation ? `, ${p.affiliation}` : ""} <span className="role-tag">{p.invitation}</span>
                    </span>
                    {p.lastChange ? <span className="field__hint"> {t("agenda.lastChange", { change: p.lastChange })}</span> : null}{" "}
                    <Form method="post" className="inline-form">
                      <input type="hidden" name="roleId" value={p.roleId} />
                      <input type="hidden" name="personId" value={p.personId} />
                      {p.hasEmail && p.invitationState !== "confirmed" && p.invitationState !== "declined" ? (
                        <button type="submit" name="intent" value="invite" className="button button--small" aria-label={t(p.invitationState === "invited" ? "agenda.resendTo" : "agenda.inviteName", { name: p.name })}>
                          {t(p.invitationState === "invited" ? "agenda.resend" : "agenda.invite")}
                        </button>
                      ) : null}
                      {p.invitationState !== "not-invited" && p.invitationState !== "revoked" ? (
                        <button type="submit" name="intent" value="revoke" className="button button--secondary button--small" aria-label={t("agenda.revokeFor", { name: p.name })}>
                          {t("agenda.revoke")}
                        </button>
                      ) : null}
                      <button type="submit" name="intent" value="detach" className="button button--secondary button--small" aria-label={t("agenda.removeFrom", { name: p.name, title: segment.title })}>
                        {t("agenda.remove")}
                      </button>
                    </Form>
                  </li>
                ))}
              </ul>
            ) : null}
            <div className="toolbar">
              <Form method="post" className="inline-form">
                <input type="hidden" name="itemId" value={segment.id} />
                <button type="submit" name="intent" value="up" className="button button--secondary button--small" disabled={segment.first} aria-label={t("agenda.moveUpLabel", { title: segment.title })}>
                  {t("agenda.moveUp")}
                </button>
                <button type="submit" name="intent" value="down" className="button button--secondary button--small" disabled={segment.last} aria-label={t("agenda.moveDownLabel", { title: segment.title })}>
                  {t("agenda.moveDown")}
                </button>
                <button type="submit" name="intent" value="delete-ask" className="button button--danger button--small" aria-label={t("agenda.deleteLabel", { title: segment.title })}>
                  {t("agenda.delete")}
                </button>
              </Form>
            </div>
            <details open={actionData?.formId === segment.id && !actionData.ok}>
              <summary>{t("agenda.edit", { title: segment.title })}</summary>
              <Form method="post" className="stack-form">
                <input type="hidden" name="itemId" value={segment.id} />
                <SegmentFields formId={segment.id} values={valuesFor(segment.id, segment.values)} errors={errorsFor(segment.id)} homeZone={event.homeZone} />
                <button type="submit" name="intent" value="update" className="button">
                  {t("agenda.save")}
                </button>
              </Form>
            </details>
            <details open={actionData?.formId === `people:${segment.id}` && !actionData.ok}>
              <summary>{t("agenda.addPersonTo", { title: segment.title })}</summary>
              {directory.length ? (
                <Form method="post" className="stack-form">
                  <input type="hidden" name="itemId" value={segment.id} />
                  <PlainField
                    id={`people-${segment.id}-person`}
                    name="personId"
                    label={t("agenda.field.person")}
                    options={directory.map((p) => ({ value: p.id, label: p.label }))}
                    errors={errorsFor(`people:${segment.id}`)?.personId}
                  />
                  <PlainField id={`people-${segment.id}-role`} name="role" label={t("agenda.field.role")} options={roleOptions} errors={errorsFor(`people:${segment.id}`)?.role} />
                  <button type="submit" name="intent" value="attach" className="button button--secondary">
                    {t("agenda.addPerson")}
                  </button>
                </Form>
              ) : (
                <p>
                  <Trans t={t} i18nKey="agenda.emptyDirectory" components={{ add: <a href="/admin/people/new">{""}</a> }} />
                </p>
              )}
            </details>
          </li>
        ))}
      </ol>

      <Form ref={addFormRef} method="post" className="stack-form panel" aria-labelledby="add-segment-title">
        <h3 id="add-segment-title">{t("agenda.addHeading")}</h3>
        <SegmentFields formId="new" values={valuesFor("new", { kind: "talk", startDate: event.startDate })} errors={errorsFor("new")} homeZone={event.homeZone} />
        <button type="submit" name="intent" value="add" className="button">
          {t("agenda.add")}
        </button>
      </Form>
    </section>
  );
}
