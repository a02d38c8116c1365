import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { handleLoginForm, signInOptions } from "~/auth/login.server";
import { lastFormErrors, STEADY_VALIDATION } from "~/components/form-validation";
import { LINK_INTENT, loginSchemaIn, signInLinkSchemaIn } from "~/auth/login-form";
import { getCurrentUser, safeRedirectPath } from "~/auth/session.server";
import { useTranslation } from "~/i18n/use-translation";
import { translatorFor } from "~/i18n/catalogues.server";
import { requestLocale } from "~/i18n/request-locale.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.metaTitle ?? "Podium" }, { name: "robots", content: "noindex" }];

// A throttled sign-in says when to come back (the action's Retry-After reaches the page's response only through here).
export const headers: HeadersFunction = ({ actionHeaders }) => {
  const retryAfter = actionHeaders.get("Retry-After");
  return retryAfter ? { "Retry-After": retryAfter } : new Headers();
};

export async function loader({ request, context }: LoaderFunctionArgs) {
  if (await getCurrentUser(context.db, request)) {
    throw redirect(safeRedirectPath(new URL(request.url).searchParams.get("redirectTo")));
  }
  return { ...signInOptions(context.env), metaTitle: translatorFor(requestLocale(request))("login.metaTitle") };
}

export async function action({ request, context }: ActionFunctionArgs) {
  return handleLoginForm(context.db, { request, env: context.env, origin: context.origin });
}

export default function Login() {
  const { t } = useTranslation();
  const options = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const linkSentTo = actionData && "linkSentTo" in actionData ? actionData.linkSentTo : undefined;
  const [search] = useSearchParams();
  const redirectTo = search.get("redirectTo") ?? "/admin";
  const loginSchema = loginSchemaIn(t);
  const signInLinkSchema = signInLinkSchemaIn(t);
  const [form, fields] = useForm({
    id: "login",
    lastResult: actionData?.result,
    constraint: getZodConstraint(options.passwords ? loginSchema : signInLinkSchema),
    ...STEADY_VALIDATION,
    // "Email me a sign-in link" needs only the email; Conform passes the pressed button's intent.
    // The link schema is the login schema less the password, so its result fits the same fields.
    onValidate: ({ formData }) =>
      parseWithZod(formData, { schema: (formData.get("intent") === LINK_INTENT ? signInLinkSchema : loginSchema) as typeof loginSchema }),
  });
  const formErrors = lastFormErrors(actionData?.result) ?? form.errors;
  return (
    <section className="narrow-page" aria-labelledby="login-title">
      <h1 id="login-title">{t("login.title")}</h1>
      {options.providers.length ? (
        <div className="panel sign-in-providers">
          {options.providers.map((provider) => (
            // A plain form: the browser follows the redirect to the university's own sign-in page.
            <form key={provider.id} method="post" action={`/auth/oidc/${provider.id}`}>
              <input type="hidden" name="redirectTo" value={redirectTo} />
              <button type="submit" className="button button--wide">
                {t("login.withProvider", { provider: provider.name })}
              </button>
            </form>
          ))}
        </div>
      ) : null}
      {linkSentTo ? (
        <p className="notice notice--success" role="status">
          {t("login.linkSent", { email: linkSentTo })}
        </p>
      ) : null}
      {options.passwords || options.links ? (
        <Form method="post" className="stack-form panel" {...getFormProps(form)}>
          {formErrors?.length ? (
            <p className="notice notice--warning" role="alert" id={form.errorId}>
              {formErrors.join(" ")}
            </p>
          ) : null}
          <input type="hidden" name="redirectTo" value={redirectTo} />
          <div className="field">
            <label htmlFor={fields.email.id}>{t("login.email")}</label>
            <input {...getInputProps(fields.email, { type: "email" })} autoComplete="username" aria-describedby={fields.email.errors ? fields.email.errorId : undefined} />
            {fields.email.errors ? (
              <p className="field-error" id={fields.email.errorId}>
                {fields.email.errors.join(" ")}
              </p>
            ) : null}
          </div>
          {options.passwords ? (
            <>
              <div className="field">
                <label htmlFor={fields.password.id}>{t("login.password")}</label>
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
              <button type="submit" name="intent" value="password" className="button button--wide">
                {t("login.submit")}
              </button>
            </>
          ) : null}
          {options.links ? (
            // formNoValidate: without JavaScript the browser would otherwise insist on a password first.
            <button type="submit" name="intent" value={LINK_INTENT} formNoValidate className="button button--secondary button--wide">
              {t("login.emailLink")}
            </button>
          ) : null}
        </Form>
      ) : null}
    </section>
  );
}
