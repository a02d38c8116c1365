import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { requireUser } from "~/auth/session.server";
import { listUsers } from "~/auth/users-admin.server";
import { ScrollRegion } from "~/components/scroll-region";
import { consoleTranslatorFor } from "~/i18n/console-catalogues.server";
import { requestLocale } from "~/i18n/request-locale.server";
import { CONSOLE_NAMESPACE } from "~/i18n/translator";
import { formatInstant } from "~/time";
import { viewerZoneFrom } from "~/viewer/viewer-zone.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.metaTitle ?? "Podium" }, { name: "robots", content: "noindex" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(context.db, request, { role: "admin" });
  const locale = requestLocale(request);
  const t = consoleTranslatorFor(locale);
  const zone = viewerZoneFrom(request) ?? "UTC";
  const asked = new URL(request.url).searchParams.get("notice");
  const notice = asked === "created" ? t("users.created") : asked === "saved" ? t("directory.saved") : null;
  const accounts = await listUsers(context.db);
  return {
    notice,
    metaTitle: t("users.metaTitle"),
    accounts: accounts.map((a) => ({
      id: a.id,
      name: a.name,
      email: a.email,
      role: t(`users.role.${a.role}`),
      disabled: a.disabledAt !== null,
      created: formatInstant(a.createdAt, zone, "date", locale),
      eventCount: a.eventCount,
      isSelf: a.id === user.id,
    })),
  };
}

export default function Accounts() {
  const { notice, accounts } = useLoaderData<typeof loader>();
  const { t } = useTranslation(CONSOLE_NAMESPACE);
  return (
    <section aria-labelledby="accounts-title">
      <h1 id="accounts-title">{t("users.title")}</h1>
      <p>{t("users.intro")}</p>
      {notice ? (
        <p className="notice notice--success" role="status">
          {notice}
        </p>
      ) : null}
      <p>
        <Link to="/admin/users/new" className="button">
          {t("users.add")}
        </Link>
      </p>
      <ScrollRegion label={t("users.tableLabel")}>
        <table className="data-table">
          <caption className="visually-hidden">{t("users.caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("users.column.name")}</th>
              <th scope="col">{t("users.column.email")}</th>
              <th scope="col">{t("users.column.role")}</th>
              <th scope="col">{t("users.column.status")}</th>
              <th scope="col">{t("users.column.created")}</th>
              <th scope="col">{t("users.column.events")}</th>
              <th scope="col">
                <span className="visually-hidden">{t("directory.actions")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {accounts.map((a) => (
              <tr key={a.id}>
                <td>
                  {a.name}
                  {a.isSelf ? <span className="field__optional">{t("users.you")}</span> : null}
                </td>
                <td>{a.email}</td>
                <td>{a.role}</td>
                <td>{a.disabled ? t("users.disabled") : t("users.active")}</td>
                <td>{a.created}</td>
                <td>{a.eventCount}</td>
                <td>
                  <Link to={`/admin/users/${a.id}`} aria-label={t("directory.editLabel", { name: a.name })}>
                    {t("directory.edit")}
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </section>
  );
}
