// zod pieces shared by the directory forms (people, series, organizations):
// browser-safe, like the schemas that use them.
import { z } from "zod";

/** Lowercase words joined by single hyphens: the last part of every public address. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** An optional public address part, e.g. /speakers/erik-jenelius; left empty, the server makes one. */
export const optionalSlug = z
  .string()
  .trim()
  .toLowerCase()
  .max(80, "Keep the address under 80 characters")
  .regex(SLUG_PATTERN, "Use lowercase letters, digits and single hyphens, like erik-jenelius")
  .optional();

/** An http(s) link, with one reason when it is refused (zod's url() alone also accepts javascript: and mailto:). */
export const webLink = (label: string) =>
  z
    .string({ required_error: `Enter the ${label}` })
    .trim()
    .max(2000, `That ${label} is too long`)
    .superRefine((text, ctx) => {
      let url: URL;
      try {
        url = new URL(text);
      } catch {
        ctx.addIssue({ code: "custom", message: `Enter the full ${label}, starting with https://` });
        return;
      }
      if (url.protocol !== "https:" && url.protocol !== "http:") {
        ctx.addIssue({ code: "custom", message: `The ${label} must start with https:// or http://` });
      }
    });

/** The URL's scheme, or null when the text is no URL (webLink already says so). */
function protocolOf(text: string): string | null {
  try {
    return new URL(text).protocol;
  } catch {
    return null;
  }
}

export const optionalWebLink = (label: string) => webLink(label).optional();

/**
 * An https link only: for what a public page embeds (a speaker's photo), which
 * the page's Content-Security-Policy loads over https alone.
 */
export const optionalHttpsLink = (label: string) =>
  webLink(label)
    .refine((text) => protocolOf(text) !== "http:", `The ${label} must start with https:// (public pages load images over https only)`)
    .optional();

export const optionalText = (max: number, label: string) =>
  z.string().trim().max(max, `Keep the ${label} under ${max} characters`).optional().default("");
