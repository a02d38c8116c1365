import { Marked } from "marked";
import sanitizeHtml from "sanitize-html";

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

export function renderMarkdown(markdown: string): string {
  const html = marked.parse(markdown) as string;
  return sanitizeHtml(html, ALLOWED);
}

/** Plain text for meta descriptions, calendars and emails. */
export function markdownToPlainText(markdown: string): string {
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
