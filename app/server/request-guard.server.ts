import type express from "express";
import { FORM_CONTENT_TYPES, hasLoneSurrogate, mediaTypeOf, readFormBody, readUrlEncoded, type FormLimits } from "~/security/form-body.server";
import { sendProblem, type Problem } from "./problem-response.server";

// The one place that answers unexpected methods, content types, sizes and characters,
// before Remix and before any route (decision 010). Whatever passes is well-formed: the
// body is read here once, checked, and handed to Remix to read again.

/** What a class of routes accepts as a request body. */
export interface BodyPolicy extends FormLimits {
  /** Largest body in bytes, decided from Content-Length and again while streaming. */
  maxBytes: number;
  /** Media types a POST may carry. */
  contentTypes: readonly string[];
  /** The body is a JSON document (the API), not a form: parsed here once so bad JSON is a 400. */
  json?: boolean;
}

/** Every page form: sign-in, registration, the registrant and speaker pages, the console. */
export const FORM_POLICY: BodyPolicy = {
  maxBytes: 1024 * 1024,
  maxFields: 500,
  maxValueChars: 100_000,
  maxNameChars: 200,
  contentTypes: FORM_CONTENT_TYPES,
};

/** The API (decision 019): JSON only, at most 256 KB; the field limits bound the document's size. */
export const API_POLICY: BodyPolicy = {
  maxBytes: 256 * 1024,
  maxFields: 500,
  maxValueChars: 100_000,
  maxNameChars: 200,
  contentTypes: ["application/json"],
  json: true,
};

/** /api/v1 and everything under it; the reference page /api is an ordinary page. */
export function isApiPath(pathname: string): boolean {
  return pathname === "/api/v1" || pathname.startsWith("/api/v1/");
}

/** The route-class hook: the API takes JSON under its own policy; every other path takes forms only. */
export function bodyPolicyFor(pathname: string): BodyPolicy {
  return isApiPath(pathname) ? API_POLICY : FORM_POLICY;
}

const QUERY_LIMITS: FormLimits = { maxFields: 100, maxValueChars: 2000, maxNameChars: 200 };
const MAX_URL_CHARS = 4096;
const PAGE_METHODS = ["GET", "HEAD", "POST"];
const API_METHODS = ["GET", "HEAD", "POST", "PATCH"];

/** Pages take GET and HEAD, and POST where a route has an action (the API PATCH too); anything else is 405 here. */
export function rejectUnexpectedMethods(req: express.Request, res: express.Response, next: express.NextFunction): void {
  const methods = isApiPath(req.path) ? API_METHODS : PAGE_METHODS;
  if (methods.includes(req.method)) return next();
  const allow = methods.join(", ");
  if (req.method === "OPTIONS") {
    res.setHeader("Allow", allow);
    res.status(204).end();
    return;
  }
  sendProblem(req, res, {
    status: 405,
    title: "Method not allowed",
    detail: `${req.method.slice(0, 20)} is not something this site answers. Pages take ${allow}.`,
    headers: { Allow: allow },
  });
}

/** A path segment as the router will see it: decodable UTF-8 without NUL. */
function pathProblem(pathname: string): Problem | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return { status: 400, title: "Address not readable", detail: "The address contains an invalid percent-encoding." };
  }
  if (decoded.includes("\0")) {
    return { status: 400, title: "Address not readable", detail: "The address contains characters that are not text." };
  }
  return null;
}

/** Long addresses, unreadable paths and hostile query strings stop here, whatever the method. */
export function checkRequestTarget(req: express.Request, res: express.Response, next: express.NextFunction): void {
  const target = req.originalUrl;
  if (target.length > MAX_URL_CHARS) {
    return sendProblem(req, res, { status: 414, title: "Address too long", detail: `Addresses on this site are at most ${MAX_URL_CHARS} characters.` });
  }
  const queryAt = target.indexOf("?");
  const problem = pathProblem(queryAt === -1 ? target : target.slice(0, queryAt));
  if (problem) return sendProblem(req, res, problem);
  if (queryAt !== -1) {
    const query = readUrlEncoded(target.slice(queryAt + 1).replace(/#.*$/, ""), QUERY_LIMITS);
    if (!query.ok) return sendProblem(req, res, { ...query, status: query.status === 413 ? 414 : 400 });
  }
  next();
}

function tooLarge(policy: BodyPolicy): Problem {
  const size = policy.maxBytes >= 1024 * 1024 ? `${policy.maxBytes / (1024 * 1024)} MB` : `${Math.round(policy.maxBytes / 1024)} KB`;
  const what = policy.json ? "A request body" : "A form";
  // The rest of the body is never read: close the connection instead of draining it.
  return { status: 413, title: `${what} too large`, detail: `${what} may send at most ${size}.`, headers: { Connection: "close" } };
}

/** Refuses and then hangs up, so a client streaming 100 MB stops after the first chunks. */
function refuseAndClose(req: express.Request, res: express.Response, problem: Problem): void {
  req.pause();
  res.once("finish", () => req.socket.destroySoon());
  sendProblem(req, res, problem);
}

/** Collects at most `maxBytes`, stopping as soon as the body runs past it or the client goes away. */
function readBoundedBody(req: express.Request, maxBytes: number): Promise<Buffer | "too-large" | "aborted"> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let received = 0;
    const finish = (result: Buffer | "too-large" | "aborted") => {
      req.off("data", onData).off("end", onEnd).off("error", onAbort).off("close", onClose);
      resolve(result);
    };
    const onData = (chunk: Buffer) => {
      received += chunk.length;
      if (received > maxBytes) return finish("too-large");
      chunks.push(chunk);
    };
    const onEnd = () => finish(Buffer.concat(chunks, received));
    const onAbort = () => finish("aborted");
    const onClose = () => {
      if (!req.complete) finish("aborted");
    };
    req.on("data", onData).on("end", onEnd).on("error", onAbort).on("close", onClose);
  });
}

/**
 * Reads and checks a POST body under its route's policy, then leaves it in
 * `res.locals.formBody` for the Remix handler to pass on.
 */
export function readCheckedForm(policyFor: (pathname: string) => BodyPolicy = bodyPolicyFor): express.RequestHandler {
  // Express 4 does not await handlers: a rejection must reach next(), not the process.
  return (req, res, next) => void checkForm(req, res, next, policyFor).catch(next);
}

async function checkForm(req: express.Request, res: express.Response, next: express.NextFunction, policyFor: (pathname: string) => BodyPolicy): Promise<void> {
  if (req.method !== "POST" && req.method !== "PATCH") return next();
  const policy = policyFor(req.path);
  const declaredLength = req.get("content-length");
  const type = mediaTypeOf(req.get("content-type"));
  // A bare `curl -X POST` (no body, no type) is an empty form, e.g. signing out.
  const emptyWithoutType = !type && (declaredLength === "0" || (declaredLength === undefined && !req.get("transfer-encoding")));
  if (!emptyWithoutType && !policy.contentTypes.includes(type)) {
    return refuseAndClose(req, res, {
      status: 415,
      title: "Unsupported content type",
      detail: `This address takes ${policy.json ? "JSON" : "forms"} (${policy.contentTypes.join(" or ")}), not ${type || "a body without a content type"}.`,
      headers: { Connection: "close" },
    });
  }
  if (declaredLength !== undefined && Number(declaredLength) > policy.maxBytes) return refuseAndClose(req, res, tooLarge(policy));

  const body = await readBoundedBody(req, policy.maxBytes);
  if (body === "aborted") return void req.socket.destroy();
  if (body === "too-large") return refuseAndClose(req, res, tooLarge(policy));
  if (policy.json) {
    const problem = body.length === 0 ? null : jsonBodyProblem(body, policy);
    if (problem) return sendProblem(req, res, problem);
    res.locals.formBody = { body, contentType: "application/json", fields: [] } satisfies CheckedForm;
    return next();
  }
  const contentType = emptyWithoutType ? "application/x-www-form-urlencoded" : req.get("content-type")!;
  const form = await readFormBody(body, contentType, policy);
  if (!form.ok) return sendProblem(req, res, form);
  res.locals.formBody = { body, contentType, fields: form.fields } satisfies CheckedForm;
  next();
}

export interface CheckedForm {
  body: Buffer;
  contentType: string;
  /** A form's text fields as read and checked here (none for JSON). */
  fields: ReadonlyArray<readonly [string, string]>;
}

/**
 * An API body must be UTF-8 JSON whose strings PostgreSQL can store (no NUL, no lone
 * surrogates) and whose size stays within the policy's field limits.
 */
export function jsonBodyProblem(body: Buffer, policy: BodyPolicy): Problem | null {
  const unreadable = (detail: string): Problem => ({ status: 400, title: "Malformed JSON", detail });
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(body);
  } catch {
    return unreadable("The request body is not valid UTF-8.");
  }
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    return unreadable(`The request body is not valid JSON${error instanceof SyntaxError ? `: ${error.message.slice(0, 200)}` : "."}`);
  }
  let values = 0;
  const stack: { value: unknown; depth: number }[] = [{ value: document, depth: 0 }];
  while (stack.length > 0) {
    const { value, depth } = stack.pop()!;
    if (++values > policy.maxFields * 10) return { status: 413, title: "Request body too large", detail: "The JSON document has too many values." };
    if (depth > 32) return unreadable("The JSON document is nested too deeply (at most 32 levels).");
    if (typeof value === "string") {
      if (value.length > policy.maxValueChars) return { status: 413, title: "Request body too large", detail: `A string may be at most ${policy.maxValueChars} characters.` };
      if (value.includes("\0")) return unreadable("A string in the JSON document contains a NUL character.");
      if (hasLoneSurrogate(value)) return unreadable("A string in the JSON document contains an unpaired surrogate.");
    } else if (Array.isArray(value)) {
      for (const item of value) stack.push({ value: item, depth: depth + 1 });
    } else if (value !== null && typeof value === "object") {
      for (const [name, item] of Object.entries(value)) {
        if (name.length > policy.maxNameChars || name.includes("\0") || hasLoneSurrogate(name)) return unreadable("A property name in the JSON document is too long or not text.");
        stack.push({ value: item, depth: depth + 1 });
      }
    }
  }
  return null;
}
