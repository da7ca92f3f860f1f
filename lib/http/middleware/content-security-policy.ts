// Middleware helper (middleware.ts runs it before every request): keep this file import-free.

/**
 * Issue 12, defence in depth behind the sanitiser (lib/text/sanitize-html.ts):
 * only scripts carrying this request's nonce run ('strict-dynamic' lets
 * Next's nonce'd chunks load theirs), so markup that slips through can run
 * no inline handler, javascript: URL or injected <script>. Next reads the
 * nonce from the request's Content-Security-Policy header and puts it on its
 * own scripts. Styles stay 'unsafe-inline' (React, tiptap and ProseMirror
 * set style attributes, which nonces cannot cover); images may come from any
 * http(s) address a document links. `next dev` needs eval for its tooling.
 */
export function contentSecurityPolicy(nonce: string, dev: boolean): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob: http: https:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** 128 random bits, base64: unguessable per response. */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}
