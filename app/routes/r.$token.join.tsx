import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { JoinProblemPage } from "~/components/join-problem";
import { joinLoader } from "~/registrations/join-page.server";
import { translatorFor } from "~/i18n/catalogues.server";
import { requestLocale } from "~/i18n/request-locale.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.metaTitle ?? "Podium" }, { name: "robots", content: "noindex" }];

export function headers() {
  return { "Cache-Control": "private, no-store", "Referrer-Policy": "same-origin" };
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const locale = requestLocale(request);
  return { ...(await joinLoader(context.db, { token: params.token, via: "manage", locale })), metaTitle: translatorFor(locale)("join.metaTitle") };
}

export default JoinProblemPage;
