import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useSearchParams } from "@remix-run/react";
import { handleLogin } from "~/auth/login.server";
import { loginSchema } from "~/auth/login-form";
import { getCurrentUser, safeRedirectPath } from "~/auth/session.server";

export const meta: MetaFunction = () => [{ title: "Sign in — Podium" }, { name: "robots", content: "noindex" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  if (await getCurrentUser(context.db, request)) {
    throw redirect(safeRedirectPath(new URL(request.url).searchParams.get("redirectTo")));
  }
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  return handleLogin(context.db, request);
}

export default function Login() {
  const actionData = useActionData<typeof action>();
  const [search] = useSearchParams();
  const [form, fields] = useForm({
    id: "login",
    lastResult: actionData?.result,
    constraint: getZodConstraint(loginSchema),
    shouldValidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: loginSchema }),
  });
  return (
    <section className="narrow-page" aria-labelledby="login-title">
      <h1 id="login-title">Organizer sign in</h1>
      <Form method="post" className="stack-form panel" {...getFormProps(form)}>
        {form.errors?.length ? (
          <p className="notice notice--warning" role="alert" id={form.errorId}>
            {form.errors.join(" ")}
          </p>
        ) : null}
        <input type="hidden" name="redirectTo" value={search.get("redirectTo") ?? "/admin"} />
        <div className="field">
          <label htmlFor={fields.email.id}>Email</label>
          <input {...getInputProps(fields.email, { type: "email" })} autoComplete="username" aria-describedby={fields.email.errors ? fields.email.errorId : undefined} />
          {fields.email.errors ? (
            <p className="field-error" id={fields.email.errorId}>
              {fields.email.errors.join(" ")}
            </p>
          ) : null}
        </div>
        <div className="field">
          <label htmlFor={fields.password.id}>Password</label>
          <input
            {...getInputProps(fields.password, { type: "password" })}
            autoComplete="current-password"
            aria-describedby={fields.password.errors ? fields.password.errorId : undefined}
          />
          {fields.password.errors ? (
            <p className="field-error" id={fields.password.errorId}>
              {fields.password.errors.join(" ")}
            </p>
          ) : null}
        </div>
        <button type="submit" className="button button--wide">
          Sign in
        </button>
      </Form>
    </section>
  );
}
