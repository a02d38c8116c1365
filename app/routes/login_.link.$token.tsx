// The emailed sign-in link. A GET that signs in, as every emailed link does; it spends the link
// only in the browser that asked for it, so a mail scanner fetching it cannot use it up.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { redeemSignInLink } from "~/auth/sign-in-link.server";
import { SignInProblemPage, signInProblemHeaders } from "~/components/sign-in-problem";
import { translatorFor } from "~/i18n/catalogues.server";
import { requestLocale } from "~/i18n/request-locale.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.metaTitle ?? "Podium" }, { name: "robots", content: "noindex" }, { name: "referrer", content: "no-referrer" }];

export const headers = signInProblemHeaders;

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const t = translatorFor(requestLocale(request));
  const metaTitle = t("login.metaTitle");
  const outcome = await redeemSignInLink(context.db, { env: context.env, request, token: params.token });
  if (!outcome.ok) {
    const { status, title, message } = outcome.problem;
    return data({ title, message, metaTitle }, { status, headers: { "Cache-Control": "no-store" } });
  }
  throw redirect(outcome.location, { headers: { "Set-Cookie": outcome.setCookie, "Cache-Control": "no-store" } });
}

export default function SignInLinkProblem() {
  const problem = useLoaderData<typeof loader>();
  return <SignInProblemPage title={problem.title} message={problem.message} />;
}
