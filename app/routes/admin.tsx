import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, Outlet, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { requireUser } from "~/auth/session.server";
import { serializedConsoleMessagesFor } from "~/i18n/console-catalogues.server";
import { requestLocale } from "~/i18n/request-locale.server";
import { CONSOLE_NAMESPACE, withNamespace } from "~/i18n/translator";

// The organizer console's frame: every child route also checks on its own,
// because a layout loader does not guard an action.
export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(context.db, request);
  const locale = requestLocale(request);
  // The console's messages, for console pages only (public pages never carry them).
  return { user: { name: user.name, role: user.role }, locale, consoleMessages: serializedConsoleMessagesFor(locale) };
}

export function headers() {
  return { "Cache-Control": "private, no-store" };
}

export default function AdminLayout() {
  const { user, locale, consoleMessages } = useLoaderData<typeof loader>();
  const { i18n } = useTranslation();
  // Before any child renders: they all ask useTranslation("console").
  withNamespace(i18n, CONSOLE_NAMESPACE, locale, consoleMessages);
  const { t } = useTranslation(CONSOLE_NAMESPACE);
  return (
    <div className="admin">
      <nav className="admin-nav" aria-label={t("nav.label")}>
        <ul>
          <li>
            <Link to="/admin">{t("nav.console")}</Link>
          </li>
          <li>
            <Link to="/admin/events">{t("nav.events")}</Link>
          </li>
          <li>
            <Link to="/admin/people">{t("nav.people")}</Link>
          </li>
          <li>
            <Link to="/admin/series">{t("nav.series")}</Link>
          </li>
          <li>
            <Link to="/admin/organizations">{t("nav.organizations")}</Link>
          </li>
          <li>
            <Link to="/admin/mailbox">{t("nav.mailbox")}</Link>
          </li>
          <li>
            <Link to="/admin/api-tokens">{t("nav.apiTokens")}</Link>
          </li>
          <li>
            <Link to="/admin/webhooks">{t("nav.webhooks")}</Link>
          </li>
          {user.role === "admin" ? (
            <>
              <li>
                <Link to="/admin/users">{t("nav.accounts")}</Link>
              </li>
              <li>
                <Link to="/admin/audit">{t("nav.audit")}</Link>
              </li>
            </>
          ) : null}
        </ul>
        <div className="admin-nav__user">
          <span>
            {t("nav.signedInAs", { name: user.name, role: t(`nav.role.${user.role}`) })}
          </span>
          <Form method="post" action="/logout" className="inline-form">
            <button type="submit" className="button button--secondary">
              {t("nav.signOut")}
            </button>
            <button type="submit" name="intent" value="everywhere" className="button button--secondary">
              {t("nav.signOutEverywhere")}
            </button>
          </Form>
        </div>
      </nav>
      <Outlet />
    </div>
  );
}
