// What middleware.ts checks at the gate of every request, shared with the
// server code that reads the session: the session cookies' names, the pages
// only a signed-in person may open, and the header that tells a page its own
// path. middleware.ts reads no database; keep this file import-free.

/** next-auth's JWT session cookie names; the __Secure- form is used over https. */
export const SESSION_COOKIES = ["__Secure-next-auth.session-token", "next-auth.session-token"] as const;

/** The request header middleware sets so pages know their own path (for callbackUrl). */
export const PATH_HEADER = "x-quorum-path";

/** Pages only a signed-in person can use (middleware.ts). Add yours here. */
export const SIGNED_IN_ONLY = ["/admin", "/settings"];
