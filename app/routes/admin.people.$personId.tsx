import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/session.server";
import { PersonForm } from "~/components/person-form";
import { handleDirectoryForm } from "~/events/directory-form-action.server";
import { AGENDA_ROLE_LABEL, personDisplayName } from "~/events/labels";
import { findPersonForEdit, listPersonAppearances, personFormDefaults, updatePersonFromForm } from "~/people/people-admin.server";
import { personFormSchema } from "~/people/person-form";
import { formatInstant, listTimeZones } from "~/time";
import { ScrollRegion } from "~/components/scroll-region";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.displayName} — People — Podium` : "Person not found — Podium" },
  { name: "robots", content: "noindex" },
];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  await requireUser(context.db, request);
  const person = await findPersonForEdit(context.db, params.personId);
  if (!person) throw new Response("No such person.", { status: 404 });
  const appearances = await listPersonAppearances(context.db, person.id);
  return {
    displayName: personDisplayName(person),
    slug: person.slug,
    defaultValue: personFormDefaults(person),
    zones: listTimeZones(),
    appearances: appearances.map((a) => ({
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
  const person = await findPersonForEdit(context.db, params.personId);
  if (!person) throw new Response("No such person.", { status: 404 });
  return handleDirectoryForm(request, {
    schema: personFormSchema,
    save: (values) => updatePersonFromForm(context.db, { user, personId: person.id, values }),
    listPath: "/admin/people",
  });
}

export default function EditPerson() {
  const { displayName, slug, defaultValue, zones, appearances } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <section aria-labelledby="edit-person-title">
      <h1 id="edit-person-title">{displayName}</h1>
      <p>
        Public speaker page: <Link to={`/speakers/${slug}`}>/speakers/{slug}</Link>
      </p>
      <PersonForm defaultValue={defaultValue} lastResult={actionData?.result} zones={zones} submitLabel="Save changes" isNew={false} />

      <h2 id="appearances-title">Appears in</h2>
      {appearances.length === 0 ? (
        <p className="empty-state">Not in any agenda yet.</p>
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
