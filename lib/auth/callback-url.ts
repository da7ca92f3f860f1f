// Where to go after signing in: only a path on this app, never another site
// (an open redirect would let a link to our sign-in page forward a fresh
// session's user anywhere). Used by next-auth's redirect callback and by the
// sign-in page, so both agree.

export function safeCallbackPath(raw: string | null | undefined, appUrl: string): string {
  if (!raw) return "/";
  let url: URL;
  try {
    // Relative paths resolve against the app; absolute URLs keep their origin.
    url = new URL(raw, appUrl);
  } catch {
    return "/";
  }
  if (url.origin !== new URL(appUrl).origin) return "/";
  // "//evil.example" and "/\evil.example" resolve to other origins above;
  // what is left is a same-origin path. The sign-in page itself would loop.
  const path = `${url.pathname}${url.search}${url.hash}`;
  if (url.pathname === "/signin" || url.pathname.startsWith("/signin/") || url.pathname.startsWith("/api/auth")) return "/";
  return path.startsWith("/") && !path.startsWith("//") ? path : "/";
}
