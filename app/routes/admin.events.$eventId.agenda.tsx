import { ConfirmPanel } from "~/components/confirm-panel";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { AGENDA_KINDS, AGENDA_ROLES } from "~/agenda/agenda-form";
import { handleAgendaAction } from "~/agenda/agenda-action.server";
import { loadAgendaBuilder } from "~/agenda/agenda-admin.server";
import { requireEventAccess } from "~/auth/event-access.server";
import { PlainField } from "~/components/form-fields";
import { useResetOnSuccess } from "~/components/use-reset-on-success";
import { AGENDA_KIND_LABEL, AGENDA_ROLE_LABEL } from "~/events/labels";
import { ActionNotice } from "~/components/action-notice";
import { viewerZoneFrom } from "~/viewer/viewer-zone.server";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { event } = await requireEventAccess(context.db, request, params.eventId);
  return loadAgendaBuilder(context.db, event, viewerZoneFrom(request));
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, event } = await requireEventAccess(context.db, request, params.eventId);
  return handleAgendaAction(context.db, request, { user, event, links: context.links });
}

const KIND_OPTIONS = AGENDA_KINDS.map((k) => ({ value: k, label: AGENDA_KIND_LABEL[k] }));
const ROLE_OPTIONS = AGENDA_ROLES.map((r) => ({ value: r, label: AGENDA_ROLE_LABEL[r] }));

type Values = Record<string, string>;

function SegmentFields({ formId, values, errors, homeZone }: { formId: string; values: Values; errors: Record<string, string[]> | undefined; homeZone: string }) {
  const idFor = (name: string) => `${formId}-${name}`;
  return (
    <>
      <PlainField id={idFor("kind")} name="kind" label="Kind" options={KIND_OPTIONS} defaultValue={values.kind ?? "talk"} errors={errors?.kind} />
      <PlainField id={idFor("title")} name="title" label="Title" defaultValue={values.title} errors={errors?.title} />
      <PlainField id={idFor("abstract")} name="abstract" label="Abstract" optional rows={3} defaultValue={values.abstract} errors={errors?.abstract} />
      <div className="field-row">
        <PlainField id={idFor("startDate")} name="startDate" label="Date" type="date" optional defaultValue={values.startDate} errors={errors?.startDate} />
        <PlainField
          id={idFor("startTime")}
          name="startTime"
          label={`Start (${homeZone.replace(/_/g, " ")})`}
          type="time"
          optional
          defaultValue={values.startTime}
          errors={errors?.startTime}
        />
        <PlainField id={idFor("durationMinutes")} name="durationMinutes" label="Minutes" type="number" optional defaultValue={values.durationMinutes} errors={errors?.durationMinutes} />
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
  const zonesText = event.displayZones.map((z) => z.replace(/_/g, " ")).join(", ");
  return (
    <section aria-labelledby="agenda-title">
      <h2 id="agenda-title">Agenda</h2>
      <ActionNotice result={actionData} />
      {actionData?.confirmDelete ? (
        <ConfirmPanel fields={{ itemId: actionData.confirmDelete.id, confirm: "yes" }} intent="delete" confirmLabel="Yes, delete it">
          Delete “{actionData.confirmDelete.title}”?{" "}
          {actionData.confirmDelete.people
            ? `Its ${actionData.confirmDelete.people === 1 ? "person is" : `${actionData.confirmDelete.people} people are`} taken off the programme with it. `
            : ""}
          This cannot be undone.
        </ConfirmPanel>
      ) : null}
      <p>
        Times are entered in the event's home zone ({event.homeZone.replace(/_/g, " ")}) and shown in every display zone ({zonesText}).
      </p>
      {segments.length > 0 ? (
        <Form method="post" className="toolbar">
          <button type="submit" name="intent" value="fill" className="button button--secondary">
            Fill sequentially from the start
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
                {segment.times.map((t) => (
                  <span key={t}>{t}</span>
                ))}
              </p>
            ) : (
              <p className="field__hint">No time set.</p>
            )}
            {segment.warnings.length ? (
              <ul className="warning-list" aria-label={`Warnings for ${segment.title}`}>
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
                      {p.roleLabel}: {p.name}
                      {p.affiliation ? `, ${p.affiliation}` : ""} <span className="role-tag">{p.invitation}</span>
                    </span>
                    {p.lastChange ? <span className="field__hint"> Last change by them: {p.lastChange}</span> : null}{" "}
                    <Form method="post" className="inline-form">
                      <input type="hidden" name="roleId" value={p.roleId} />
                      <input type="hidden" name="personId" value={p.personId} />
                      {p.hasEmail && p.invitationState !== "confirmed" && p.invitationState !== "declined" ? (
                        <button type="submit" name="intent" value="invite" className="button button--small" aria-label={`${p.invitationState === "invited" ? "Re-send invitation to" : "Invite"} ${p.name}`}>
                          {p.invitationState === "invited" ? "Re-send invitation" : "Invite"}
                        </button>
                      ) : null}
                      {p.invitationState !== "not-invited" && p.invitationState !== "revoked" ? (
                        <button type="submit" name="intent" value="revoke" className="button button--secondary button--small" aria-label={`Revoke link for ${p.name}`}>
                          Revoke link
                        </button>
                      ) : null}
                      <button type="submit" name="intent" value="detach" className="button button--secondary button--small" aria-label={`Remove ${p.name} from ${segment.title}`}>
                        Remove
                      </button>
                    </Form>
                  </li>
                ))}
              </ul>
            ) : null}
            <div className="toolbar">
              <Form method="post" className="inline-form">
                <input type="hidden" name="itemId" value={segment.id} />
                <button type="submit" name="intent" value="up" className="button button--secondary button--small" disabled={segment.first} aria-label={`Move up: ${segment.title}`}>
                  Move up
                </button>
                <button type="submit" name="intent" value="down" className="button button--secondary button--small" disabled={segment.last} aria-label={`Move down: ${segment.title}`}>
                  Move down
                </button>
                <button type="submit" name="intent" value="delete-ask" className="button button--danger button--small" aria-label={`Delete ${segment.title}`}>
                  Delete
                </button>
              </Form>
            </div>
            <details open={actionData?.formId === segment.id && !actionData.ok}>
              <summary>Edit “{segment.title}”</summary>
              <Form method="post" className="stack-form">
                <input type="hidden" name="itemId" value={segment.id} />
                <SegmentFields formId={segment.id} values={valuesFor(segment.id, segment.values)} errors={errorsFor(segment.id)} homeZone={event.homeZone} />
                <button type="submit" name="intent" value="update" className="button">
                  Save segment
                </button>
              </Form>
            </details>
            <details open={actionData?.formId === `people:${segment.id}` && !actionData.ok}>
              <summary>Add a person to “{segment.title}”</summary>
              {directory.length ? (
                <Form method="post" className="stack-form">
                  <input type="hidden" name="itemId" value={segment.id} />
                  <PlainField
                    id={`people-${segment.id}-person`}
                    name="personId"
                    label="Person"
                    options={directory.map((p) => ({ value: p.id, label: p.label }))}
                    errors={errorsFor(`people:${segment.id}`)?.personId}
                  />
                  <PlainField id={`people-${segment.id}-role`} name="role" label="Role" options={ROLE_OPTIONS} errors={errorsFor(`people:${segment.id}`)?.role} />
                  <button type="submit" name="intent" value="attach" className="button button--secondary">
                    Add person
                  </button>
                </Form>
              ) : (
                <p>
                  The people directory is empty: <a href="/admin/people/new">add a person</a> first.
                </p>
              )}
            </details>
          </li>
        ))}
      </ol>

      <Form ref={addFormRef} method="post" className="stack-form panel" aria-labelledby="add-segment-title">
        <h3 id="add-segment-title">Add a segment</h3>
        <SegmentFields formId="new" values={valuesFor("new", { kind: "talk", startDate: event.startDate })} errors={errorsFor("new")} homeZone={event.homeZone} />
        <button type="submit" name="intent" value="add" className="button">
          Add segment
        </button>
      </Form>
    </section>
  );
}
