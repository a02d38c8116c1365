import { describe, expect, it } from "vitest";
import { markdownToPlainText, renderMarkdown } from "./markdown.server";

describe("renderMarkdown", () => {
  it("renders the markdown organizers write", () => {
    expect(renderMarkdown("Join **HKUST** and *KTH*.\n\n- one\n- two")).toBe(
      "<p>Join <strong>HKUST</strong> and <em>KTH</em>.</p>\n<ul>\n<li>one</li>\n<li>two</li>\n</ul>\n",
    );
  });

  it("removes scripts, event handlers and javascript: links", () => {
    const html = renderMarkdown(
      '<script>alert(1)</script><img src=x onerror="alert(2)"><a href="javascript:alert(3)">x</a> [y](javascript:alert(4))',
    );
    expect(html).not.toMatch(/<script|onerror|href="javascript|<img/i);
    expect(html).toContain("<a rel=\"noopener noreferrer\">x</a>");
  });

  it("keeps safe links and marks them noopener", () => {
    expect(renderMarkdown("[KTH](https://www.kth.se)")).toBe(
      '<p><a href="https://www.kth.se" rel="noopener noreferrer">KTH</a></p>\n',
    );
  });

  it("demotes a top-level heading below the page title", () => {
    expect(renderMarkdown("# Big")).toBe("<h2>Big</h2>\n");
  });
});

describe("markdownToPlainText", () => {
  it("gives readable text for calendars and meta descriptions", () => {
    expect(markdownToPlainText("Join **HKUST** & KTH.\n\nQ&A follows <script>x</script>")).toBe(
      "Join HKUST & KTH. Q&A follows",
    );
  });
});
