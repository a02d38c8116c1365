// API refusals as RFC 9457 problem documents with field-level details. Area outcomes
// are turned into these by the API handlers; anything thrown that is not one is a fault (500).
import { STATUS_CODES } from "node:http";
import type { ZodError } from "zod";

export interface FieldError {
  field: string;
  detail: string;
}

export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly detail: string,
    readonly errors?: FieldError[],
    readonly headers: Record<string, string> = {},
  ) {
    super(detail);
  }

  toResponse(extraHeaders: Record<string, string> = {}): Response {
    const body = {
      type: "about:blank",
      title: STATUS_CODES[this.status] ?? "Error",
      status: this.status,
      detail: this.detail,
      ...(this.errors?.length ? { errors: this.errors } : {}),
    };
    return new Response(JSON.stringify(body), {
      status: this.status,
      headers: { "Content-Type": "application/problem+json", "Cache-Control": "no-store", ...extraHeaders, ...this.headers },
    });
  }
}

export const notFound = (what: string) => new ApiProblem(404, `No such ${what}, or not one your token may use.`);

/** zod's issues as field errors: the path joined with dots, the message as written for people. */
export function fieldErrorsOf(error: ZodError): FieldError[] {
  return error.issues.slice(0, 50).map((issue) => {
    const field = issue.path.join(".");
    if (issue.code === "unrecognized_keys") return { field, detail: `Unknown field${issue.keys.length === 1 ? "" : "s"}: ${issue.keys.slice(0, 10).join(", ").slice(0, 300)}` };
    return { field, detail: issue.message };
  });
}

export function invalid(status: 400 | 422, detail: string, error: ZodError): ApiProblem {
  return new ApiProblem(status, detail, fieldErrorsOf(error));
}
