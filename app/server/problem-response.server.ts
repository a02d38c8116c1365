import { STATUS_CODES } from "node:http";
import type express from "express";

// How the edge answers a request it refuses before Remix runs: a small page in the
// site's colours for browsers, an RFC 9457 problem document for everything else.

export interface Problem {
  status: number;
  title: string;
  detail: string;
  /** The form field at fault, when one is. */
  field?: string;
  headers?: Record<string, string>;
}


/** Browsers ask for text/html; API clients, curl and scripts get a problem document. */
export function wantsHtml(req: express.Request): boolean {
  return /\btext\/html\b/i.test(req.get("accept") ?? "");
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function problemPage(problem: Problem, backTo: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(problem.title)} — Podium</title>
<style>
body { margin: 0; font-family: system-ui, -apple-system, "Segoe UI", sans-serif; color: #1c2433; background: #f6f7f9; line-height: 1.5; }
header { background: #fff; border-bottom: 1px solid #dde1e8; padding: 0.75rem 1rem; }
header a { color: #1c2433; font-weight: 700; text-decoration: none; }
main { max-width: 36rem; margin: 2rem auto; padding: 1.5rem; background: #fff; border: 1px solid #dde1e8; border-radius: 0.5rem; overflow-wrap: anywhere; }
h1 { font-size: 1.4rem; margin-top: 0; }
a { color: #1d4ed8; }
</style>
</head>
<body>
<header><a href="/">Podium</a></header>
<main>
<h1>${escapeHtml(problem.title)}</h1>
<p>${escapeHtml(problem.detail)}</p>
<p>Error ${problem.status}. <a href="${escapeHtml(backTo)}">Go back to the page</a> or <a href="/">to the home page</a>.</p>
</main>
</body>
</html>
`;
}

/** The page a refused request came from, when it is on this site; else the home page. */
function backLink(req: express.Request): string {
  const path = req.path;
  return path.startsWith("/") && !path.startsWith("//") && path.length < 300 && !/[\\\s]/.test(path) ? path : "/";
}

export function sendProblem(req: express.Request, res: express.Response, problem: Problem): void {
  res.status(problem.status);
  for (const [name, value] of Object.entries(problem.headers ?? {})) res.setHeader(name, value);
  res.setHeader("Cache-Control", "no-store");
  if (wantsHtml(req)) {
    res.type("text/html; charset=utf-8").send(problemPage(problem, backLink(req)));
    return;
  }
  res.type("application/problem+json").send(
    JSON.stringify({
      // RFC 9457 §4.2.1: no problem type of our own, so the title is the status phrase.
      type: "about:blank",
      title: STATUS_CODES[problem.status] ?? problem.title,
      status: problem.status,
      detail: problem.detail,
      ...(problem.field ? { field: problem.field } : {}),
    }),
  );
}
