import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { requireUser } from "~/auth/session.server";
import { listOrganizations } from "~/events/organization-admin.server";
import { consoleTranslatorFor } from "~/i18n/console-catalogues.server";
import { requestLocale } from "~/i18n/request-locale.server";
import { CONSOLE_NAMESPACE } from "~/i18n/translator";
import { ScrollRegion } from "~/components/scroll-region";
import { DirectoryPage } from "~/components/directory-page";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.metaTitle ?? "Podium" }, { name: "robots", content: "noindex" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireUser(context.db, request);
  const notice = new URL(request.url).searchParams.get("notice") === "saved";
  return { notice, organizations: await listOrganizations(context.db), metaTitle: consoleTranslatorFor(requestLocale(request))("organizations.metaTitle") };
}

export default function OrganizationsDirectory() {
  const { notice, organizations } = useLoaderData<typeof loader>();
  const { t } = useTranslation(CONSOLE_NAMESPACE);
  return (
    <DirectoryPage
      id="organizations"
      title={t("organizations.title")}
      intro={t("organizations.intro")}
      saved={Boolean(notice)}
      addHref="/admin/organizations/new"
      addLabel={t("organizations.add")}
    >
    {organizations.length === 0 ? (
      <p className="empty-state">{t("organizations.empty")}</p>
    ) : (
      <ScrollRegion label={t("organizations.tableLabel")}>
        <table className="data-table">
          <caption className="visually-hidden">{t("organizations.caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("organizations.column.name")}</th>
              <th scope="col">{t("organizations.column.shortName")}</th>
              <th scope="col">{t("organizations.column.website")}</th>
              <th scope="col">{t("organizations.column.events")}</th>
              <th scope="col">
                <span className="visually-hidden">{t("directory.actions")}</span>
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
                  <Link to={`/admin/organizations/${o.id}`} aria-label={t("directory.editLabel", { name: o.name })}>
                    {t("directory.edit")}
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
