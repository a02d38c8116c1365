import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { requireUser } from "~/auth/session.server";
import { personDisplayName } from "~/events/labels";
import { consoleTranslatorFor } from "~/i18n/console-catalogues.server";
import { requestLocale } from "~/i18n/request-locale.server";
import { CONSOLE_NAMESPACE } from "~/i18n/translator";
import { searchPeople } from "~/people/people-admin.server";
import { PEOPLE_QUERY_MAX } from "~/people/person-form";
import { ScrollRegion } from "~/components/scroll-region";
import { DirectoryPage } from "~/components/directory-page";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.metaTitle ?? "Podium" }, { name: "robots", content: "noindex" }];

const SHOWN = 100;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(context.db, request);
  const url = new URL(request.url);
  const query = (url.searchParams.get("q") ?? "").trim().slice(0, PEOPLE_QUERY_MAX);
  // One more than shown, to know whether to suggest narrowing the search.
  const found = await searchPeople(context.db, { user, query, limit: SHOWN + 1 });
  return {
    query,
    notice: url.searchParams.get("notice") === "saved",
    more: found.length > SHOWN,
    people: found.slice(0, SHOWN).map((p) => ({
      id: p.id,
      displayName: personDisplayName(p),
      position: p.position,
      affiliation: p.affiliation,
      homeZone: p.homeZone ? p.homeZone.replace(/_/g, " ") : "",
    })),
    metaTitle: consoleTranslatorFor(requestLocale(request))("people.metaTitle"),
  };
}

export default function PeopleDirectory() {
  const { query, notice, more, people } = useLoaderData<typeof loader>();
  const { t } = useTranslation(CONSOLE_NAMESPACE);
  return (
    <DirectoryPage id="people" title={t("people.title")} intro={t("people.intro")} saved={Boolean(notice)} addHref="/admin/people/new" addLabel={t("people.add")}>
    <Form method="get" className="toolbar" role="search" aria-label={t("people.title")}>
      <div className="field">
        <label htmlFor="people-search">{t("people.search")}</label>
        <input id="people-search" type="search" name="q" defaultValue={query} maxLength={PEOPLE_QUERY_MAX} aria-describedby="people-search-hint" />
        <p className="field__hint" id="people-search-hint">
          {t("people.searchHint")}
        </p>
      </div>
      <button type="submit" className="button button--secondary">
        {t("people.searchButton")}
      </button>
      {query ? (
        <Link to="/admin/people" className="button button--secondary">
          {t("people.showEveryone")}
        </Link>
      ) : null}
    </Form>
    {query ? (
      <p role="status">
        {people.length === 0
          ? t("people.noMatch", { query })
          : t("people.matches", { count: people.length, shown: `${people.length}${more ? "+" : ""}`, query })}
      </p>
    ) : null}
    {people.length === 0 && !query ? <p className="empty-state">{t("people.empty")}</p> : null}
    {people.length > 0 ? (
      <ScrollRegion label={t("people.tableLabel")}>
        <table className="data-table">
          <caption className="visually-hidden">{t("people.caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("people.column.name")}</th>
              <th scope="col">{t("people.column.position")}</th>
              <th scope="col">{t("people.column.affiliation")}</th>
              <th scope="col">{t("people.column.homeZone")}</th>
              <th scope="col">
                <span className="visually-hidden">{t("directory.actions")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {people.map((p) => (
              <tr key={p.id}>
                <td>{p.displayName}</td>
                <td>{p.position}</td>
                <td>{p.affiliation}</td>
                <td>{p.homeZone}</td>
                <td>
                  <Link to={`/admin/people/${p.id}`} aria-label={t("directory.editLabel", { name: p.displayName })}>
                    {t("directory.edit")}
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    ) : null}
    {more ? <p className="field__hint">{t("people.showingFirst", { shown: SHOWN })}</p> : null}
    </DirectoryPage>
  );
}
