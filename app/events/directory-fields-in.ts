// The directory forms' zod pieces, with their messages given
// by the caller, already in the reader's language: each form names its own fields,
// which reads better in every language than one sentence with the field's name put in.
import { z } from "zod";
import { SLUG_PATTERN } from "./directory-fields";

/** An optional public address part; left empty, the server makes one. */
export function optionalSlugIn(messages: { tooLong: string; pattern: string }) {
  return z.string().trim().toLowerCase().max(80, messages.tooLong).regex(SLUG_PATTERN, messages.pattern).optional();
}

export interface LinkMessages {
  tooLong: string;
  /** Not a URL at all. */
  notUrl: string;
  /** A URL, but neither https nor http. */
  notWeb: string;
}

function protocolOf(text: string): string | null {
  try {
    return new URL(text).protocol;
  } catch {
    return null;
  }
}

/** An optional http(s) link (zod's url() alone also accepts javascript: and mailto:). */
export function optionalWebLinkIn(messages: LinkMessages) {
  return z
    .string()
    .trim()
    .max(2000, messages.tooLong)
    .superRefine((text, ctx) => {
      const protocol = protocolOf(text);
      if (protocol === null) ctx.addIssue({ code: "custom", message: messages.notUrl });
      else if (protocol !== "https:" && protocol !== "http:") ctx.addIssue({ code: "custom", message: messages.notWeb });
    })
    .optional();
}

/** An optional https link only: for what a public page embeds (a speaker's photo). */
export function optionalHttpsLinkIn(messages: LinkMessages & { notHttps: string }) {
  return z
    .string()
    .trim()
    .max(2000, messages.tooLong)
    .superRefine((text, ctx) => {
      const protocol = protocolOf(text);
      if (protocol === null) ctx.addIssue({ code: "custom", message: messages.notUrl });
      else if (protocol !== "https:" && protocol !== "http:") ctx.addIssue({ code: "custom", message: messages.notWeb });
    })
    .refine((text) => protocolOf(text) !== "http:", messages.notHttps)
    .optional();
}

export function optionalTextIn(max: number, tooLong: string) {
  return z.string().trim().max(max, tooLong).optional().default("");
}
