// The client's address for per-address rate limits. Route code sees a Fetch
// Request, so the address travels in X-Forwarded-For; the http app overwrites that
// header with the address express derived under PODIUM_TRUST_PROXY (decision 007),
// so a client cannot forge it.
export function clientAddress(request: Request): string {
  return request.headers.get("x-forwarded-for")?.split(",")[0]?.trim() || "unknown";
}
