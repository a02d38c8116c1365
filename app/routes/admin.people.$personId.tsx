import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/session.server";
import { PersonForm } from "~/components/person-form";
import { handleDirectoryForm } from "~/events/directory-form-action.server";
import { AGENDA_ROLE_LABEL, personDisplayName } from "~/events/labels";
import { findPersonWithAccess, listPersonAppearances, personFormDefaults, updatePersonFromForm } from "~/people/people-admin.server";
import { NOT_YOURS_TO_CHANGE } from "~/people/person-access.server";
import { personFormSchema } from "~/people/person-form";
import { formatInstant } from "~/time";
import { listTimeZones } from "~/time/zone-catalog.server";
import { ScrollRegion } from "~/components/scroll-region";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.displayName} — People — Podium` : "Person not found — Podium" },
  { name: "robots", content: "noindex" },
];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireUser(context.db, request);
  const found = await findPersonWithAccess(context.db, user, params.personId);
  if (!found) throw new Response("No such person.", { status: 404 });
  const { person, canEdit, canSeeContact } = found;
  const { mine, elsewhere } = await listPersonAppearances(context.db, person.id, user);
  return {
    displayName: personDisplayName(person),
    slug: person.slug,
    canEdit,
    canSeeContact,
    // Why the form is read-only, from the rule's owner (a browser bundle cannot import it).
    refusal: canEdit ? null : NOT_YOURS_TO_CHANGE,
    defaultValue: personFormDefaults(person),
    zones: listTimeZones(),
    elsewhere,
    appearances: mine.map((a) => ({
      key: `${a.segmentId}-${a.role}`,
      eventId: a.eventId,
      eventTitle: a.eventTitle,
      eventStatus: a.eventStatus,
      // The date as the event's own page leads with it.
      date: formatInstant(a.eventStartsAt, a.eventDisplayZones[0] ?? "UTC", "date"),
      segmentTitle: a.segmentTitle,
      roleLabel: AGENDA_ROLE_LABEL[a.role],
    })),
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(context.db, request);
  const found = await findPersonWithAccess(context.db, user, params.personId);
  if (!found) throw new Response("No such person.", { status: 404 });
  const { person } = found;
  // updatePersonFromForm refuses (403) when this user may not change the person.
  return handleDirectoryForm(request, {
    schema: personFormSchema,
    save: (values) => updatePersonFromForm(context.db, { user, personId: person.id, values }),
    listPath: "/admin/people",
  });
}

export default function EditPerson() {
  const { displayName, slug, canEdit, canSeeContact, refusal, defaultValue, zones, appearances, elsewhere } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <section aria-labelledby="edit-person-title">
      <h1 id="edit-person-title">{displayName}</h1>
      <p>
        Public speaker page: <Link to={`/speakers/${slug}`}>/speakers/{slug}</Link>
      </p>
      <p>
        <Link to="translations">Translations of the position and biography</Link>
      </p>
      {canEdit ? (
        <PersonForm defaultValue={defaultValue} lastResult={actionData?.result} zones={zones} submitLabel="Save changes" isNew={false} />
      ) : (
        <ReadOnlyPerson values={defaultValue} showEmail={canSeeContact} reason={refusal ?? ""} />
      )}

      <h2 id="appearances-title">Appears in</h2>
      {elsewhere > 0 ? (
        <p>
          Also on {elsewhere} event{elsewhere === 1 ? "" : "s"} that other organizers manage.
        </p>
      ) : null}
      {appearances.length === 0 ? (
        <p className="empty-state">{elsewhere > 0 ? "Not in any agenda of yours." : "Not in any agenda yet."}</p>
      ) : (
        <ScrollRegion label="Appearances table">
          <table className="data-table" aria-labelledby="appearances-title">
            <thead>
              <tr>
                <th scope="col">Event</th>
                <th scope="col">Date</th>
                <th scope="col">Segment</th>
                <th scope="col">Role</th>
              </tr>
            </thead>
            <tbody>
              {appearances.map((a) => (
                <tr key={a.key}>
                  <td>
                    <Link to={`/admin/events/${a.eventId}/agenda`}>{a.eventTitle}</Link>
                    {a.eventStatus !== "published" ? <span className="field__optional"> ({a.eventStatus})</span> : null}
                  </td>
                  <td>{a.date}</td>
                  <td>{a.segmentTitle}</td>
                  <td>{a.roleLabel}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </section>
  );
}

/** What every organizer may read about a person they may not change. */
function ReadOnlyPerson({ values, showEmail, reason }: { values: Record<string, string>; showEmail: boolean; reason: string }) {
  const rows: [string, string | undefined][] = [
    ["Honorific", values.honorific],
    ["Name", values.name],
    ["Position", values.position],
    ["Affiliation", values.affiliation],
    ["Biography", values.bio],
    ["Photo link", values.photoUrl],
    ["Home time zone", values.homeZone?.replace(/_/g, " ")],
    ...(showEmail ? ([["Email", values.email]] as [string, string][]) : []),
  ];
  return (
    <div className="panel">
      <p className="notice notice--warning" role="note">
        {reason}
      </p>
      <dl className="detail-list">
        {rows.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value || "—"}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
