import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { requireUser } from "~/auth/session.server";
import { handleNewUserForm } from "~/auth/users-admin.server";
import { NewAccountForm } from "~/components/account-form";
import { consoleTranslatorFor } from "~/i18n/console-catalogues.server";
import { requestLocale } from "~/i18n/request-locale.server";
import { CONSOLE_NAMESPACE } from "~/i18n/translator";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.metaTitle ?? "Podium" }, { name: "robots", content: "noindex" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireUser(context.db, request, { role: "admin" });
  return { metaTitle: consoleTranslatorFor(requestLocale(request))("users.newMetaTitle") };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(context.db, request, { role: "admin" });
  return handleNewUserForm(context.db, request, { user, t: consoleTranslatorFor(requestLocale(request)) });
}

export default function NewAccount() {
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation(CONSOLE_NAMESPACE);
  if (actionData?.kind === "created") {
    return (
      <section aria-labelledby="new-account-title">
        <h1 id="new-account-title">{t("users.createdTitle")}</h1>
        <div className="panel">
          <p>{t("users.canSignIn", { name: actionData.name, email: actionData.email, role: t(`users.roleInSentence.${actionData.role}`) })}</p>
          <p className="notice notice--success" role="status">
            {t("users.passwordIs")}
            <code>{actionData.password}</code>
            {t("users.copyNow")}
          </p>
          <p className="field__hint">{t("users.sendPrivately")}</p>
          <div className="toolbar">
            <Link to="/admin/users" className="button">
              {t("users.backToAccounts")}
            </Link>
            <Link to="/admin/users/new" className="button button--secondary">
              {t("users.addAnother")}
            </Link>
          </div>
        </div>
      </section>
    );
  }
  return (
    <section aria-labelledby="new-account-title">
      <h1 id="new-account-title">{t("users.newTitle")}</h1>
      <p>{t("users.newIntro")}</p>
      <NewAccountForm lastResult={actionData?.result} />
    </section>
  );
}
