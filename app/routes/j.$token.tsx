import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { JoinProblemPage } from "~/components/join-problem";
import { joinLoader } from "~/registrations/join-page.server";

export const meta: MetaFunction = () => [{ title: "Join the webinar — Podium" }, { name: "robots", content: "noindex" }];

export function headers() {
  return { "Cache-Control": "private, no-store", "Referrer-Policy": "same-origin" };
}

export async function loader({ params, context }: LoaderFunctionArgs) {
  return joinLoader(context.db, { token: params.token, via: "join" });
}

export default JoinProblemPage;
