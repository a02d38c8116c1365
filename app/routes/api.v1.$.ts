import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { handleApiRequest } from "~/api/handle-request.server";

// Every /api/v1 address: app/api/ routes, authenticates and answers (decision 019).
function answer({ request, context }: LoaderFunctionArgs | ActionFunctionArgs) {
  return handleApiRequest(request, { db: context.db, origin: context.origin, links: context.links, rateLimitPerMinute: context.env.PODIUM_API_RATE_LIMIT });
}

export const loader = answer;
export const action = answer;
