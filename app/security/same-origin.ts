// Cross-site request forgery guard for every state-changing request. Browsers
// send Origin on cross-site POSTs (and Sec-Fetch-Site everywhere modern); a
// request that says it comes from another site is refused before any route runs.
// Session cookies are SameSite=Lax as a second line.

const UNSAFE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

export function isCrossSiteRequest(
  { method, origin, secFetchSite }: { method: string; origin: string | undefined; secFetchSite: string | undefined },
  allowedOrigins: string[],
): boolean {
  if (!UNSAFE_METHODS.has(method.toUpperCase())) return false;
  if (origin && origin !== "null") return !allowedOrigins.includes(origin);
  // "null" is what a page served with Referrer-Policy: no-referrer (or a privacy-minded
  // browser) sends even for its own forms; the browser's Sec-Fetch-Site then decides.
  if (origin === "null") return secFetchSite !== "same-origin";
  return secFetchSite === "cross-site";
}
