// A browser in miniature over real HTTP: keeps each site's cookies, follows redirects across
// sites (the app → the identity provider → back), and sends Origin on POSTs as browsers do.
export interface Visit {
  status: number;
  url: string;
  body: string;
  headers: Headers;
  /** Every address the browser went through, the first request included. */
  trail: string[];
}

export class CookieBrowser {
  private readonly jar = new Map<string, Map<string, string>>();

  /** Cookies are keyed by origin here (stricter than a browser, which ignores the port). */
  cookieHeader(url: string): string {
    return [...(this.jar.get(new URL(url).origin) ?? new Map<string, string>())].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  cookie(url: string, name: string): string | undefined {
    return this.jar.get(new URL(url).origin)?.get(name);
  }

  private remember(url: string, headers: Headers): void {
    const origin = new URL(url).origin;
    const cookies = this.jar.get(origin) ?? new Map<string, string>();
    for (const line of headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(";");
      const at = pair!.indexOf("=");
      const name = pair!.slice(0, at).trim();
      const expired = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a));
      if (expired) cookies.delete(name);
      else cookies.set(name, pair!.slice(at + 1).trim());
    }
    this.jar.set(origin, cookies);
  }

  /** One request, no redirects followed. */
  async fetchOnce(url: string, init: { method?: string; form?: Record<string, string>; headers?: Record<string, string> } = {}): Promise<Response> {
    const headers: Record<string, string> = { Accept: "text/html", ...init.headers };
    const cookie = this.cookieHeader(url);
    if (cookie) headers.Cookie = cookie;
    if (init.form) {
      headers["Content-Type"] = "application/x-www-form-urlencoded";
      headers.Origin = new URL(url).origin;
    }
    const response = await fetch(url, { method: init.method ?? (init.form ? "POST" : "GET"), headers, body: init.form ? new URLSearchParams(init.form) : undefined, redirect: "manual" });
    this.remember(url, response.headers);
    return response;
  }

  /** A request and the redirects after it, until a page answers, or `stopAt` matches the next address. */
  async visit(url: string, init: { form?: Record<string, string>; stopAt?: (next: string) => boolean } = {}): Promise<Visit> {
    const trail = [url];
    let response = await this.fetchOnce(url, { form: init.form });
    let current = url;
    for (let hops = 0; hops < 15 && response.status >= 300 && response.status < 400; hops++) {
      const next = new URL(response.headers.get("location")!, current).href;
      if (init.stopAt?.(next)) return { status: response.status, url: next, body: "", headers: response.headers, trail: [...trail, next] };
      trail.push(next);
      current = next;
      response = await this.fetchOnce(next);
    }
    return { status: response.status, url: current, body: await response.text(), headers: response.headers, trail };
  }
}

/** The page's main heading, for asserting what a person reads. */
export function headingOf(html: string): string | undefined {
  return /<h1[^>]*>([\s\S]*?)<\/h1>/.exec(html)?.[1]?.replace(/<[^>]+>/g, "").trim();
}
