// Where the identity provider sends the browser back with a code (or an error).
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { findOidcProvider, finishOidcSignIn } from "~/auth/oidc-sign-in.server";
import { SignInProblemPage, signInProblemHeaders, unknownProvider } from "~/components/sign-in-problem";
import { translatorFor } from "~/i18n/catalogues.server";
import { requestLocale } from "~/i18n/request-locale.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.metaTitle ?? "Podium" }, { name: "robots", content: "noindex" }];

export const headers = signInProblemHeaders;

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const t = translatorFor(requestLocale(request));
  const metaTitle = t("login.metaTitle");
  const provider = findOidcProvider(context.env, params.provider);
  if (!provider) {
    return data({ ...unknownProvider(t), metaTitle }, { status: 404 });
  }
  const outcome = await finishOidcSignIn(context.db, { env: context.env, origin: context.origin, request, provider });
  if (!outcome.ok) {
    const { status, title, message, retryAfterSeconds } = outcome.problem;
    return data({ title, message, metaTitle }, { status, headers: { "Cache-Control": "no-store", ...(retryAfterSeconds ? { "Retry-After": String(retryAfterSeconds) } : {}) } });
  }
  throw redirect(outcome.location, { headers: { "Set-Cookie": outcome.setCookie, "Cache-Control": "no-store" } });
}

export default function OidcCallbackProblem() {
  const problem = useLoaderData<typeof loader>();
  return <SignInProblemPage title={problem.title} message={problem.message} />;
}
