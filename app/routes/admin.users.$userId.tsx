import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { requireUser } from "~/auth/session.server";
import { findUserForEdit, handleEditUserAction, userFormDefaults } from "~/auth/users-admin.server";
import { EditAccountForm } from "~/components/account-form";
import { consoleTranslatorFor } from "~/i18n/console-catalogues.server";
import { requestLocale } from "~/i18n/request-locale.server";
import { CONSOLE_NAMESPACE } from "~/i18n/translator";
import { formatInstant } from "~/time";
import { viewerZoneFrom } from "~/viewer/viewer-zone.server";
import { ActionNotice } from "~/components/action-notice";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.metaTitle ?? "Podium" }, { name: "robots", content: "noindex" }];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireUser(context.db, request, { role: "admin" });
  const locale = requestLocale(request);
  const t = consoleTranslatorFor(locale);
  const account = await findUserForEdit(context.db, params.userId);
  if (!account) throw new Response(t("account.notFound"), { status: 404 });
  const zone = viewerZoneFrom(request) ?? "UTC";
  return {
    account: {
      name: account.name,
      email: account.email,
      role: t(`users.role.${account.role}`),
      disabled: account.disabledAt !== null,
      created: formatInstant(account.createdAt, zone, "date", locale),
    },
    isSelf: account.id === user.id,
    defaultValue: userFormDefaults(account),
    metaTitle: t("account.metaTitle", { name: account.name }),
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(context.db, request, { role: "admin" });
  const t = consoleTranslatorFor(requestLocale(request));
  const account = await findUserForEdit(context.db, params.userId);
  if (!account) throw new Response(t("account.notFound"), { status: 404 });
  return handleEditUserAction(context.db, request, { user, account, t });
}

export default function EditAccount() {
  const { account, isSelf, defaultValue } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation(CONSOLE_NAMESPACE);
  return (
    <section aria-labelledby="edit-account-title">
      <h1 id="edit-account-title">{account.name}</h1>
      <ActionNotice result={actionData?.kind === "message" ? actionData : null} />
      {actionData?.kind === "password" ? (
        <p className="notice notice--success" role="status">
          {actionData.message}
          {t("account.newPasswordIs")}
          <code>{actionData.password}</code>
          {t("users.copyNow")}
        </p>
      ) : null}
      <p>
        {account.email} · {account.role} · {account.disabled ? t("users.disabled") : t("users.active")} ·{" "}
        {t("account.createdOn", { date: account.created })}
        {isSelf ? t("account.yours") : ""}
      </p>

      <EditAccountForm defaultValue={defaultValue} lastResult={actionData?.kind === "form" ? actionData.result : undefined} isSelf={isSelf} />

      <Form method="post" className="panel">
        <h2>{account.disabled ? t("account.enableTitle") : t("account.disableTitle")}</h2>
        {isSelf ? (
          <p>{t("account.cannotDisableSelfText")}</p>
        ) : account.disabled ? (
          <>
            <p>{t("account.disabledText", { name: account.name })}</p>
            <button type="submit" name="intent" value="enable" className="button">
              {t("account.enable")}
            </button>
          </>
        ) : (
          <>
            <p>{t("account.enabledText", { name: account.name })}</p>
            <button type="submit" name="intent" value="disable" className="button button--danger">
              {t("account.disable")}
            </button>
          </>
        )}
      </Form>

      <Form method="post" className="panel">
        <h2>{t("account.resetTitle")}</h2>
        {isSelf ? (
          <p>{t("account.cannotResetSelfText")}</p>
        ) : (
          <>
            <p>{t("account.resetText", { name: account.name })}</p>
            <button type="submit" name="intent" value="reset-password" className="button button--secondary">
              {t("account.reset")}
            </button>
          </>
        )}
      </Form>
    </section>
  );
}
