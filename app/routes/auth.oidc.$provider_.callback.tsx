// Where the identity provider sends the browser back with a code (or an error).
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { findOidcProvider, finishOidcSignIn } from "~/auth/oidc-sign-in.server";
import { SignInProblemPage, signInProblemHeaders, UNKNOWN_PROVIDER } from "~/components/sign-in-problem";

export const meta: MetaFunction = () => [{ title: "Sign in — Podium" }, { name: "robots", content: "noindex" }];

export const headers = signInProblemHeaders;

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const provider = findOidcProvider(context.env, params.provider);
  if (!provider) {
    return data(UNKNOWN_PROVIDER, { status: 404 });
  }
  const outcome = await finishOidcSignIn(context.db, { env: context.env, origin: context.origin, request, provider });
  if (!outcome.ok) {
    const { status, title, message, retryAfterSeconds } = outcome.problem;
    return data({ title, message }, { status, headers: { "Cache-Control": "no-store", ...(retryAfterSeconds ? { "Retry-After": String(retryAfterSeconds) } : {}) } });
  }
  throw redirect(outcome.location, { headers: { "Set-Cookie": outcome.setCookie, "Cache-Control": "no-store" } });
}

export default function OidcCallbackProblem() {
  const problem = useLoaderData<typeof loader>();
  return <SignInProblemPage title={problem.title} message={problem.message} />;
}
