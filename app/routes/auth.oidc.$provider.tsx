// The "Sign in with <University>" button posts here; a plain form POST, so it works without JavaScript.
import type { ActionFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { useActionData } from "@remix-run/react";
import { findOidcProvider, startOidcSignIn } from "~/auth/oidc-sign-in.server";
import { SignInProblemPage, signInProblemHeaders, UNKNOWN_PROVIDER } from "~/components/sign-in-problem";

export const meta: MetaFunction = () => [{ title: "Sign in — Podium" }, { name: "robots", content: "noindex" }];

export const headers = signInProblemHeaders;

// Not a redirect: after a refused POST Remix runs this loader to render the page, and a redirect
// here would swallow the explanation. A GET (a bookmarked address) gets the way back instead.
export async function loader() {
  return null;
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const provider = findOidcProvider(context.env, params.provider);
  if (!provider) {
    return data(UNKNOWN_PROVIDER, { status: 404 });
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
  return <SignInProblemPage title={problem?.title ?? "Start from the sign-in page"} message={problem?.message ?? "University sign-in starts with its button on the sign-in page."} />;
}
