import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { requireUser } from "~/auth/session.server";
import { listSeries } from "~/events/series-admin.server";
import { consoleTranslatorFor } from "~/i18n/console-catalogues.server";
import { requestLocale } from "~/i18n/request-locale.server";
import { CONSOLE_NAMESPACE } from "~/i18n/translator";
import { ScrollRegion } from "~/components/scroll-region";
import { DirectoryPage } from "~/components/directory-page";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.metaTitle ?? "Podium" }, { name: "robots", content: "noindex" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireUser(context.db, request);
  const notice = new URL(request.url).searchParams.get("notice") === "saved";
  return { notice, series: await listSeries(context.db), metaTitle: consoleTranslatorFor(requestLocale(request))("series.metaTitle") };
}

export default function SeriesDirectory() {
  const { notice, series } = useLoaderData<typeof loader>();
  const { t } = useTranslation(CONSOLE_NAMESPACE);
  return (
    <DirectoryPage id="series" title={t("series.title")} intro={t("series.intro")} saved={Boolean(notice)} addHref="/admin/series/new" addLabel={t("series.add")}>
    {series.length === 0 ? (
      <p className="empty-state">{t("series.empty")}</p>
    ) : (
      <ScrollRegion label={t("series.tableLabel")}>
        <table className="data-table">
          <caption className="visually-hidden">{t("series.caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("series.column.title")}</th>
              <th scope="col">{t("series.column.publicPage")}</th>
              <th scope="col">{t("series.column.events")}</th>
              <th scope="col">
                <span className="visually-hidden">{t("directory.actions")}</span>
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
                  <Link to={`/admin/series/${s.id}`} aria-label={t("directory.editLabel", { name: s.title })}>
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
