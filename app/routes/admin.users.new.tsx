import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData } from "@remix-run/react";
import { requireUser } from "~/auth/session.server";
import { USER_ROLE_LABEL } from "~/auth/user-form";
import { handleNewUserForm } from "~/auth/users-admin.server";
import { NewAccountForm } from "~/components/account-form";

export const meta: MetaFunction = () => [{ title: "Add an organizer — Podium" }, { name: "robots", content: "noindex" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireUser(context.db, request, { role: "admin" });
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(context.db, request, { role: "admin" });
  return handleNewUserForm(context.db, request, { user });
}

export default function NewAccount() {
  const actionData = useActionData<typeof action>();
  if (actionData?.kind === "created") {
    return (
      <section aria-labelledby="new-account-title">
        <h1 id="new-account-title">Account created</h1>
        <div className="panel">
          <p>
            {actionData.name} ({actionData.email}) can now sign in as {USER_ROLE_LABEL[actionData.role].toLowerCase()}.
          </p>
          <p className="notice notice--success" role="status">
            Their password is <code>{actionData.password}</code>. Copy it now: it is not shown again.
          </p>
          <p className="field__hint">Send it to them privately; they sign in at /login with their email address and this password.</p>
          <div className="toolbar">
            <Link to="/admin/users" className="button">
              Back to accounts
            </Link>
            <Link to="/admin/users/new" className="button button--secondary">
              Add another
            </Link>
          </div>
        </div>
      </section>
    );
  }
  return (
    <section aria-labelledby="new-account-title">
      <h1 id="new-account-title">Add an organizer</h1>
      <p>The new account can sign in straight away. Organizers see only the events they organize or that are shared with them.</p>
      <NewAccountForm lastResult={actionData?.result} />
    </section>
  );
}
