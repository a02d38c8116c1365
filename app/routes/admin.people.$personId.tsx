import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { requireUser } from "~/auth/session.server";
import { PersonForm } from "~/components/person-form";
import { handleDirectoryForm } from "~/events/directory-form-action.server";
import { personDisplayName } from "~/events/labels";
import { translatorFor } from "~/i18n/catalogues.server";
import { consoleTranslatorFor } from "~/i18n/console-catalogues.server";
import { requestLocale } from "~/i18n/request-locale.server";
import { CONSOLE_NAMESPACE } from "~/i18n/translator";
import { findPersonWithAccess, listPersonAppearances, personFormDefaults, updatePersonFromForm } from "~/people/people-admin.server";
import { personFormSchemaIn } from "~/people/person-form";
import { formatInstant } from "~/time";
import { listTimeZones } from "~/time/zone-catalog.server";
import { ScrollRegion } from "~/components/scroll-region";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.metaTitle ?? "Podium" }, { name: "robots", content: "noindex" }];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireUser(context.db, request);
  const locale = requestLocale(request);
  const t = consoleTranslatorFor(locale);
  const found = await findPersonWithAccess(context.db, user, params.personId);
  if (!found) throw new Response(t("person.notFound"), { status: 404 });
  const { person, canEdit, canSeeContact } = found;
  const { mine, elsewhere } = await listPersonAppearances(context.db, person.id, user);
  const displayName = personDisplayName(person);
  return {
    displayName,
    metaTitle: t("person.metaTitle", { name: displayName }),
    slug: person.slug,
    canEdit,
    canSeeContact,
    // Why the form is read-only, from the rule's owner (a browser bundle cannot import it).
    refusal: canEdit ? null : t("person.notYours"),
    defaultValue: personFormDefaults(person),
    zones: listTimeZones(),
    elsewhere,
    appearances: mine.map((a) => ({
      key: `${a.segmentId}-${a.role}`,
      eventId: a.eventId,
      eventTitle: a.eventTitle,
      eventStatus: a.eventStatus,
      // The date as the event's own page leads with it.
      date: formatInstant(a.eventStartsAt, a.eventDisplayZones[0] ?? "UTC", "date", locale),
      segmentTitle: a.segmentTitle,
      roleLabel: t(`person.role.${a.role}`),
    })),
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(context.db, request);
  const locale = requestLocale(request);
  const t = consoleTranslatorFor(locale);
  const found = await findPersonWithAccess(context.db, user, params.personId);
  if (!found) throw new Response(t("person.notFound"), { status: 404 });
  const { person } = found;
  // updatePersonFromForm refuses (403) when this user may not change the person.
  return handleDirectoryForm(request, {
    // The form's messages are shared with the speaker portal: the interface catalogue.
    schema: personFormSchemaIn(translatorFor(locale)),
    save: (values) => updatePersonFromForm(context.db, { user, personId: person.id, values, t }),
    listPath: "/admin/people",
  });
}

export default function EditPerson() {
  const { displayName, slug, canEdit, canSeeContact, refusal, defaultValue, zones, appearances, elsewhere } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation(CONSOLE_NAMESPACE);
  return (
    <section aria-labelledby="edit-person-title">
      <h1 id="edit-person-title">{displayName}</h1>
      <p>
        {t("person.publicPage")} <Link to={`/speakers/${slug}`}>/speakers/{slug}</Link>
      </p>
      <p>
        <Link to="translations">{t("person.translationsLink")}</Link>
      </p>
      {canEdit ? (
        <PersonForm defaultValue={defaultValue} lastResult={actionData?.result} zones={zones} submitLabel={t("directory.saveChanges")} isNew={false} />
      ) : (
        <ReadOnlyPerson values={defaultValue} showEmail={canSeeContact} reason={refusal ?? ""} />
      )}

      <h2 id="appearances-title">{t("person.appearsIn")}</h2>
      {elsewhere > 0 ? <p>{t("person.elsewhere", { count: elsewhere })}</p> : null}
      {appearances.length === 0 ? (
        <p className="empty-state">{elsewhere > 0 ? t("person.notInYours") : t("person.notInAny")}</p>
      ) : (
        <ScrollRegion label={t("person.appearancesLabel")}>
          <table className="data-table" aria-labelledby="appearances-title">
            <thead>
              <tr>
                <th scope="col">{t("person.column.event")}</th>
                <th scope="col">{t("person.column.date")}</th>
                <th scope="col">{t("person.column.segment")}</th>
                <th scope="col">{t("person.column.role")}</th>
              </tr>
            </thead>
            <tbody>
              {appearances.map((a) => (
                <tr key={a.key}>
                  <td>
                    <Link to={`/admin/events/${a.eventId}/agenda`}>{a.eventTitle}</Link>
                    {a.eventStatus !== "published" ? <span className="field__optional"> ({t(`events.status.${a.eventStatus}`)})</span> : null}
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
  const { t } = useTranslation(CONSOLE_NAMESPACE);
  const rows: [string, string | undefined][] = [
    [t("people.form.honorific"), values.honorific],
    [t("people.form.name"), values.name],
    [t("people.form.position"), values.position],
    [t("people.form.affiliation"), values.affiliation],
    [t("people.form.bio"), values.bio],
    [t("people.form.photoUrl"), values.photoUrl],
    [t("people.form.homeZone"), values.homeZone?.replace(/_/g, " ")],
    ...(showEmail ? ([[t("people.form.email"), values.email]] as [string, string][]) : []),
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
