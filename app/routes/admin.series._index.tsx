import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/session.server";
import { listSeries } from "~/events/series-admin.server";
import { ScrollRegion } from "~/components/scroll-region";
import { DirectoryPage } from "~/components/directory-page";

export const meta: MetaFunction = () => [{ title: "Series — Podium" }, { name: "robots", content: "noindex" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireUser(context.db, request);
  const notice = new URL(request.url).searchParams.get("notice") === "saved";
  return { notice, series: await listSeries(context.db) };
}

export default function SeriesDirectory() {
  const { notice, series } = useLoaderData<typeof loader>();
  return (
    <DirectoryPage id="series" title="Series" intro="Recurring programmes that group events, each with a public page and a calendar feed. Shared by every organizer." saved={Boolean(notice)} addHref="/admin/series/new" addLabel="Add a series">
    {series.length === 0 ? (
      <p className="empty-state">No series yet.</p>
    ) : (
      <ScrollRegion label="Series table">
        <table className="data-table">
          <caption className="visually-hidden">Series, by title</caption>
          <thead>
            <tr>
              <th scope="col">Title</th>
              <th scope="col">Public page</th>
              <th scope="col">Events</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {series.map((s) => (
              <tr key={s.id}>
                <td>{s.title}</td>
                <td>
                  <Link to={`/series/${s.slug}`}>/series/{s.slug}</Link>
                </td>
                <td>{s.eventCount}</td>
                <td>
                  <Link to={`/admin/series/${s.id}`} aria-label={`Edit ${s.title}`}>
                    Edit
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    )}
    </DirectoryPage>
  );
}
