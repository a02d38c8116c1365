import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/session.server";
import { USER_ROLE_LABEL } from "~/auth/user-form";
import { findUserForEdit, handleEditUserAction, userFormDefaults } from "~/auth/users-admin.server";
import { EditAccountForm } from "~/components/account-form";
import { formatInstant } from "~/time";
import { viewerZoneFrom } from "~/viewer/viewer-zone.server";
import { ActionNotice } from "~/components/action-notice";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.account.name} — Accounts — Podium` : "Account not found — Podium" },
  { name: "robots", content: "noindex" },
];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireUser(context.db, request, { role: "admin" });
  const account = await findUserForEdit(context.db, params.userId);
  if (!account) throw new Response("No such account.", { status: 404 });
  const zone = viewerZoneFrom(request) ?? "UTC";
  return {
    account: {
      name: account.name,
      email: account.email,
      role: USER_ROLE_LABEL[account.role],
      disabled: account.disabledAt !== null,
      created: formatInstant(account.createdAt, zone, "date"),
    },
    isSelf: account.id === user.id,
    defaultValue: userFormDefaults(account),
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(context.db, request, { role: "admin" });
  const account = await findUserForEdit(context.db, params.userId);
  if (!account) throw new Response("No such account.", { status: 404 });
  return handleEditUserAction(context.db, request, { user, account });
}

export default function EditAccount() {
  const { account, isSelf, defaultValue } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <section aria-labelledby="edit-account-title">
      <h1 id="edit-account-title">{account.name}</h1>
      <ActionNotice result={actionData?.kind === "message" ? actionData : null} />
      {actionData?.kind === "password" ? (
        <p className="notice notice--success" role="status">
          {actionData.message} The new password is <code>{actionData.password}</code>. Copy it now: it is not shown again.
        </p>
      ) : null}
      <p>
        {account.email} · {account.role} · {account.disabled ? "Disabled" : "Active"} · created {account.created}
        {isSelf ? " · this is your account" : ""}
      </p>

      <EditAccountForm defaultValue={defaultValue} lastResult={actionData?.kind === "form" ? actionData.result : undefined} isSelf={isSelf} />

      <Form method="post" className="panel">
        <h2>{account.disabled ? "Enable the account" : "Disable the account"}</h2>
        {isSelf ? (
          <p>You cannot disable your own account. Another administrator can.</p>
        ) : account.disabled ? (
          <>
            <p>{account.name} cannot sign in. Enabling the account lets them sign in again with their password.</p>
            <button type="submit" name="intent" value="enable" className="button">
              Enable account
            </button>
          </>
        ) : (
          <>
            <p>{account.name} is signed out everywhere at once and cannot sign in until the account is enabled again. Their events are kept.</p>
            <button type="submit" name="intent" value="disable" className="button button--danger">
              Disable account
            </button>
          </>
        )}
      </Form>

      <Form method="post" className="panel">
        <h2>Reset the password</h2>
        {isSelf ? (
          <p>You cannot reset your own password here: it would sign you out before you saw the new one. Another administrator can.</p>
        ) : (
          <>
            <p>A new password is generated and shown once on this page; the old one stops working and {account.name} is signed out everywhere.</p>
            <button type="submit" name="intent" value="reset-password" className="button button--secondary">
              Reset password
            </button>
          </>
        )}
      </Form>
    </section>
  );
}
