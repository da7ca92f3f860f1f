import { safeUrl } from "@/lib/text/safe-url";

// Issue 12: URLs are judged the way browsers parse them (WHATWG URL: leading
// and trailing C0 controls and spaces stripped, tabs and newlines dropped
// anywhere), against http, https, mailto, relative and fragment.

const refused: [string, string][] = [
  ["javascript:alert(1)", "javascript"],
  ["JaVaScRiPt:alert(1)", "mixed case"],
  ["java\tscript:alert(1)", "a tab inside the scheme"],
  ["java\nscript:alert(1)", "a newline inside the scheme"],
  ["java\rscript:alert(1)", "a carriage return inside the scheme"],
  ["\u0002javascript:alert(1)", "a leading U+0002"],
  ["\u0000javascript:alert(1)", "a leading NUL"],
  ["\u001f javascript:alert(1)", "a leading U+001F and space"],
  ["  javascript:alert(1)  ", "surrounding spaces"],
  ["javascript\t:alert(1)", "a tab before the colon"],
  ["j\na\tv\ra\tscript:alert(1)", "tabs and newlines everywhere"],
  ["vbscript:msgbox(1)", "vbscript"],
  ["data:text/html,<script>alert(1)</script>", "data"],
  ["file:///etc/passwd", "file"],
  ["blob:https://e.org/x", "blob"],
  ["java\u0000script:alert(1)", "a NUL inside"],
  ["https://e.org/\u0001x", "a control inside"],
  ["", "empty"],
  ["\t\n ", "only whitespace"],
];

test.each(refused)("refuses %j (%s)", (url) => {
  expect(safeUrl(url)).toBeNull();
});

const allowed: [string, string, string][] = [
  ["https://example.org/a?b=c#d", "https://example.org/a?b=c#d", "https"],
  ["http://example.org", "http://example.org", "http"],
  ["HTTPS://EXAMPLE.ORG", "HTTPS://EXAMPLE.ORG", "upper-case https"],
  ["mailto:a@example.org", "mailto:a@example.org", "mailto"],
  ["/rfcs/a#b", "/rfcs/a#b", "absolute path"],
  ["../x", "../x", "relative path"],
  ["?q=1", "?q=1", "query only"],
  ["#section", "#section", "fragment"],
  ["//example.org/x", "//example.org/x", "scheme-relative"],
  ["foo/javascript:alert(1)", "foo/javascript:alert(1)", "a colon after a slash is a path"],
  [" https://e.org/x\t", "https://e.org/x", "edges trimmed as browsers do"],
  ["htt\tps://e.org", "https://e.org", "a tab dropped as browsers do"],
];

test.each(allowed)("allows %j as %j (%s)", (url, out) => {
  expect(safeUrl(url)).toBe(out);
});

test("what is allowed is what a browser parses to an allowed scheme", () => {
  for (const [url] of [...allowed, ...refused]) {
    const judged = safeUrl(url);
    if (judged === null) continue;
    expect(["http:", "https:", "mailto:"]).toContain(new URL(judged, "https://app.example/").protocol);
  }
});

test("images: http(s) and relative only", () => {
  expect(safeUrl("mailto:a@example.org", "image")).toBeNull();
  expect(safeUrl("#x", "image")).toBeNull();
  expect(safeUrl("javascript:alert(1)", "image")).toBeNull();
  expect(safeUrl("/img.png", "image")).toBe("/img.png");
  expect(safeUrl("https://e.org/i.png", "image")).toBe("https://e.org/i.png");
});

test("null and undefined are no URL", () => {
  expect(safeUrl(null)).toBeNull();
  expect(safeUrl(undefined)).toBeNull();
});
