import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/session.server";
import { listOrganizations } from "~/events/organization-admin.server";
import { ScrollRegion } from "~/components/scroll-region";
import { DirectoryPage } from "~/components/directory-page";

export const meta: MetaFunction = () => [{ title: "Organizations — Podium" }, { name: "robots", content: "noindex" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireUser(context.db, request);
  const notice = new URL(request.url).searchParams.get("notice") === "saved";
  return { notice, organizations: await listOrganizations(context.db) };
}

export default function OrganizationsDirectory() {
  const { notice, organizations } = useLoaderData<typeof loader>();
  return (
    <DirectoryPage id="organizations" title="Organizations" intro="The universities and partners that host events. Shared by every organizer." saved={Boolean(notice)} addHref="/admin/organizations/new" addLabel="Add an organization">
    {organizations.length === 0 ? (
      <p className="empty-state">No organizations yet.</p>
    ) : (
      <ScrollRegion label="Organizations table">
        <table className="data-table">
          <caption className="visually-hidden">Organizations, by name</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Short name</th>
              <th scope="col">Website</th>
              <th scope="col">Events</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {organizations.map((o) => (
              <tr key={o.id}>
                <td>{o.name}</td>
                <td>{o.shortName}</td>
                <td>
                  {o.websiteUrl ? (
                    <a href={o.websiteUrl} rel="noopener noreferrer">
                      {o.websiteUrl.replace(/^https?:\/\//i, "")}
                    </a>
                  ) : null}
                </td>
                <td>{o.eventCount}</td>
                <td>
                  <Link to={`/admin/organizations/${o.id}`} aria-label={`Edit ${o.name}`}>
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
