import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/session.server";
import { personDisplayName } from "~/events/labels";
import { searchPeople } from "~/people/people-admin.server";
import { PEOPLE_QUERY_MAX } from "~/people/person-form";
import { ScrollRegion } from "~/components/scroll-region";
import { DirectoryPage } from "~/components/directory-page";

export const meta: MetaFunction = () => [{ title: "People — Podium" }, { name: "robots", content: "noindex" }];

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
  };
}

export default function PeopleDirectory() {
  const { query, notice, more, people } = useLoaderData<typeof loader>();
  return (
    <DirectoryPage id="people" title="People" intro="Speakers, moderators and chairs. Names and affiliations are shared by every organizer; a person's email and events show through the events you manage." saved={Boolean(notice)} addHref="/admin/people/new" addLabel="Add a person">
    <Form method="get" className="toolbar" role="search" aria-label="People">
      <div className="field">
        <label htmlFor="people-search">Search people</label>
        <input id="people-search" type="search" name="q" defaultValue={query} maxLength={PEOPLE_QUERY_MAX} aria-describedby="people-search-hint" />
        <p className="field__hint" id="people-search-hint">
          Part of a name, an affiliation or an email address.
        </p>
      </div>
      <button type="submit" className="button button--secondary">
        Search
      </button>
      {query ? (
        <Link to="/admin/people" className="button button--secondary">
          Show everyone
        </Link>
      ) : null}
    </Form>
    {query ? (
      <p role="status">
        {people.length === 0
          ? `Nobody matches “${query}”.`
          : `${people.length}${more ? "+" : ""} ${people.length === 1 ? "person matches" : "people match"} “${query}”.`}
      </p>
    ) : null}
    {people.length === 0 && !query ? <p className="empty-state">Nobody in the directory yet.</p> : null}
    {people.length > 0 ? (
      <ScrollRegion label="People table">
        <table className="data-table">
          <caption className="visually-hidden">People, by name</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Position</th>
              <th scope="col">Affiliation</th>
              <th scope="col">Home zone</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
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
                  <Link to={`/admin/people/${p.id}`} aria-label={`Edit ${p.displayName}`}>
                    Edit
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    ) : null}
    {more ? <p className="field__hint">Showing the first {SHOWN}; search to narrow the list.</p> : null}
    </DirectoryPage>
  );
}
