import { Marked } from "marked";
import sanitizeHtml from "sanitize-html";
import { boundedMemo } from "~/shared/bounded-memo";

// Organizers write markdown; whatever they type (or paste) is reduced to a
// small allow-list before it reaches a visitor's browser.
const marked = new Marked({ gfm: true, breaks: false, async: false });

const ALLOWED: sanitizeHtml.IOptions = {
  allowedTags: [
    "p", "br", "strong", "em", "b", "i", "u", "s", "a", "ul", "ol", "li", "blockquote",
    "code", "pre", "h2", "h3", "h4", "hr", "table", "thead", "tbody", "tr", "th", "td",
  ],
  allowedAttributes: { a: ["href", "title"], th: ["scope"] },
  allowedSchemes: ["http", "https", "mailto"],
  // Headings in a description sit below the page's own h1/h2.
  transformTags: {
    h1: "h2",
    a: sanitizeHtml.simpleTransform("a", { rel: "noopener noreferrer" }),
  },
  allowedSchemesAppliedToAttributes: ["href"],
};
ALLOWED.allowedAttributes = { ...ALLOWED.allowedAttributes, a: ["href", "title", "rel"] };

// Parsing and sanitising cost more than the rest of an event page's render, and a
// description only changes when an organizer saves it: each version (its text is
// the key) is rendered once per process. Each language's translation is a text of its
// own, so it is rendered once too; room for three languages of 200 descriptions.
const renderedVersions = boundedMemo(600, (markdown) => sanitizeHtml(marked.parse(markdown) as string, ALLOWED));
const plainTextVersions = boundedMemo(600, (markdown) => plainText(markdown));

export function renderMarkdown(markdown: string): string {
  return renderedVersions(markdown);
}

/** Plain text for meta descriptions, calendars and emails. */
export function markdownToPlainText(markdown: string): string {
  return plainTextVersions(markdown);
}

function plainText(markdown: string): string {
  const html = marked.parse(markdown) as string;
  return sanitizeHtml(html, { allowedTags: [], allowedAttributes: {} })
    .replace(/&amp;/g, "&")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, " ")
    .trim();
}
