// Reads a form body (or a query string) once, strictly, before any route sees it. Every
// action then calls request.formData() on a body already known to be well-formed, so no
// route can trip over broken multipart, NUL bytes (PostgreSQL refuses them in text),
// bytes that are not UTF-8, monster values or tens of thousands of fields.

export interface FormLimits {
  /** Most fields (repeated names count once per occurrence). */
  maxFields: number;
  /** Longest value, in characters. */
  maxValueChars: number;
  /** Longest field name, in characters. */
  maxNameChars: number;
}

export type FormReadResult =
  | { ok: true; fields: Array<[string, string]> }
  | { ok: false; status: 400 | 413 | 415; title: string; detail: string; field?: string };

export const FORM_CONTENT_TYPES = ["application/x-www-form-urlencoded", "multipart/form-data"] as const;

/** `Multipart/Form-Data; boundary=x` → `multipart/form-data`. */
export function mediaTypeOf(contentType: string | null | undefined): string {
  return (contentType ?? "").split(";", 1)[0]!.trim().toLowerCase();
}

const strictUtf8 = new TextDecoder("utf-8", { fatal: true });

/** application/x-www-form-urlencoded decoding with invalid UTF-8 reported, not replaced by U+FFFD. */
function decodeFormComponent(raw: string): string | null {
  const bytes: number[] = [];
  for (let i = 0; i < raw.length; i++) {
    const char = raw.charCodeAt(i);
    if (raw[i] === "+") bytes.push(0x20);
    else if (raw[i] === "%" && /^[0-9a-fA-F]{2}$/.test(raw.slice(i + 1, i + 3))) {
      bytes.push(parseInt(raw.slice(i + 1, i + 3), 16));
      i += 2;
    } else if (char <= 0xff) bytes.push(char); // raw bytes arrive as latin1 (curl sends UTF-8 unencoded)
    else return null;
  }
  try {
    return strictUtf8.decode(new Uint8Array(bytes));
  } catch {
    return null;
  }
}

/** Unpaired UTF-16 surrogates cannot be stored or sent on; multipart text can smuggle them in as escapes. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
export function hasLoneSurrogate(value: string): boolean {
  return LONE_SURROGATE.test(value);
}

function checkField(name: string, value: string, limits: FormLimits): FormReadResult | null {
  const shownName = name.slice(0, 60) || "(unnamed)";
  if (name.length > limits.maxNameChars) {
    return { ok: false, status: 400, title: "Field name too long", detail: `A field name is longer than ${limits.maxNameChars} characters.`, field: shownName };
  }
  if (name.includes("\0") || value.includes("\0") || hasLoneSurrogate(name) || hasLoneSurrogate(value)) {
    return { ok: false, status: 400, title: "Invalid characters", detail: `The field "${shownName}" contains characters that are not text (a NUL byte or a broken character).`, field: shownName };
  }
  if (value.length > limits.maxValueChars) {
    return {
      ok: false,
      status: 400,
      title: "Value too long",
      detail: `The field "${shownName}" is longer than ${limits.maxValueChars.toLocaleString("en")} characters.`,
      field: shownName,
    };
  }
  return null;
}

function tooManyFields(limits: FormLimits): FormReadResult {
  return { ok: false, status: 413, title: "Too many fields", detail: `A form may have at most ${limits.maxFields} fields.` };
}

/** Query strings and url-encoded bodies. Counting stops at the limit, so 80,000 fields cost no more than 501. */
export function readUrlEncoded(text: string, limits: FormLimits): FormReadResult {
  const fields: Array<[string, string]> = [];
  if (text === "") return { ok: true, fields };
  let start = 0;
  while (start <= text.length) {
    const end = text.indexOf("&", start) === -1 ? text.length : text.indexOf("&", start);
    const pair = text.slice(start, end);
    start = end + 1;
    if (pair === "") continue;
    if (fields.length >= limits.maxFields) return tooManyFields(limits);
    const equals = pair.indexOf("=");
    const name = decodeFormComponent(equals === -1 ? pair : pair.slice(0, equals));
    const value = decodeFormComponent(equals === -1 ? "" : pair.slice(equals + 1));
    if (name === null || value === null) {
      const shown = name ?? "(unreadable)";
      return { ok: false, status: 400, title: "Invalid characters", detail: `The field "${shown.slice(0, 60)}" is not valid UTF-8 text.`, field: shown.slice(0, 60) };
    }
    const problem = checkField(name, value, limits);
    if (problem) return problem;
    fields.push([name, value]);
  }
  return { ok: true, fields };
}

/** A buffered form body of either form content type; files are refused (no form takes uploads yet). */
export async function readFormBody(body: Buffer, contentType: string, limits: FormLimits): Promise<FormReadResult> {
  const type = mediaTypeOf(contentType);
  if (type === "application/x-www-form-urlencoded") return readUrlEncoded(body.toString("latin1"), limits);
  if (type !== "multipart/form-data") {
    return { ok: false, status: 415, title: "Unsupported content type", detail: `This address takes forms (${FORM_CONTENT_TYPES.join(" or ")}), not ${type || "a body without a content type"}.` };
  }
  // A part count well past the limit means a flood: refuse before the parser builds them all.
  const boundary = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  const delimiter = boundary ? `--${boundary[1] ?? boundary[2]}` : null;
  if (delimiter && countOccurrences(body, delimiter, limits.maxFields + 2) > limits.maxFields + 1) return tooManyFields(limits);
  let formData: FormData;
  try {
    formData = await new Response(new Uint8Array(body), { headers: { "Content-Type": contentType } }).formData();
  } catch {
    return { ok: false, status: 400, title: "Unreadable form", detail: "The form data could not be read (malformed multipart/form-data)." };
  }
  const fields: Array<[string, string]> = [];
  for (const [name, value] of formData) {
    if (fields.length >= limits.maxFields) return tooManyFields(limits);
    if (typeof value !== "string") {
      return { ok: false, status: 415, title: "Files not accepted", detail: `The field "${name.slice(0, 60)}" is a file; this form takes no files.`, field: name.slice(0, 60) };
    }
    const problem = checkField(name, value, limits);
    if (problem) return problem;
    fields.push([name, value]);
  }
  return { ok: true, fields };
}

function countOccurrences(haystack: Buffer, needle: string, stopAt: number): number {
  let count = 0;
  for (let at = haystack.indexOf(needle); at !== -1 && count < stopAt; at = haystack.indexOf(needle, at + needle.length)) count++;
  return count;
}
