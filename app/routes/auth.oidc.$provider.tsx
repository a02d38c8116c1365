// The "Sign in with <University>" button posts here; a plain form POST, so it works without JavaScript.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { useActionData } from "@remix-run/react";
import { findOidcProvider, startOidcSignIn } from "~/auth/oidc-sign-in.server";
import { useTranslation } from "~/i18n/use-translation";
import { SignInProblemPage, signInProblemHeaders, unknownProvider } from "~/components/sign-in-problem";
import { translatorFor } from "~/i18n/catalogues.server";
import { requestLocale } from "~/i18n/request-locale.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.metaTitle ?? "Podium" }, { name: "robots", content: "noindex" }];

export const headers = signInProblemHeaders;

// Not a redirect: after a refused POST Remix runs this loader to render the page, and a redirect
// here would swallow the explanation. A GET (a bookmarked address) gets the way back instead.
export async function loader({ request }: LoaderFunctionArgs) {
  return { metaTitle: translatorFor(requestLocale(request))("login.metaTitle") };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const provider = findOidcProvider(context.env, params.provider);
  if (!provider) {
    return data(unknownProvider(translatorFor(requestLocale(request))), { status: 404 });
  }
  const redirectTo = (await request.formData()).get("redirectTo");
  const outcome = await startOidcSignIn(context.db, { env: context.env, origin: context.origin, request, provider, redirectTo });
  if (!outcome.ok) {
    const { status, title, message, retryAfterSeconds } = outcome.problem;
    return data({ title, message }, { status, headers: retryAfterSeconds ? { "Retry-After": String(retryAfterSeconds) } : {} });
  }
  throw redirect(outcome.location, { headers: outcome.setCookie ? { "Set-Cookie": outcome.setCookie } : {} });
}

export default function StartSignInProblem() {
  const problem = useActionData<typeof action>();
  const { t } = useTranslation();
  return <SignInProblemPage title={problem?.title ?? t("signInProblem.start.title")} message={problem?.message ?? t("signInProblem.start.message")} />;
}
