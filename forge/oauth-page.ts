import type { OAuthAppRec, UserRec } from "./types";

// The authorize page: the forge has no sessions, so it lists its users and
// signing in as one of them grants the request. Each button's accessible
// name is the login (tests click "alice").

const esc = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

const STYLE = `
  *{box-sizing:border-box}body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;background:#f6f7f9;color:#1f2328}
  main{max-width:420px;margin:64px auto;padding:32px;background:#fff;border:1px solid #d0d7de;border-radius:12px}
  h1{font-size:20px;margin:0 0 4px}p{margin:0 0 20px;color:#59636e}ul{list-style:none;margin:0;padding:0;display:grid;gap:8px}
  button{width:100%;display:flex;justify-content:space-between;align-items:center;padding:10px 14px;font:inherit;
    background:#fff;border:1px solid #d0d7de;border-radius:8px;cursor:pointer;text-align:left}
  button:hover,button:focus-visible{border-color:#0969da;background:#f0f6ff;outline:none}
  .login{font-weight:600}.name{color:#59636e;font-size:13px}.deny{margin-top:16px;background:none;border:none;color:#59636e;
    justify-content:center}.empty{color:#59636e}`;

export function renderAuthorizePage(app: OAuthAppRec, users: UserRec[], hidden: Record<string, string>): string {
  const fields = Object.entries(hidden)
    .map(([k, v]) => `<input type="hidden" name="${esc(k)}" value="${esc(v)}">`)
    .join("");
  const buttons = users
    .map(
      (u) =>
        `<li><button type="submit" name="user" value="${esc(u.login)}" aria-label="${esc(u.login)}">` +
        `<span class="login">${esc(u.login)}</span><span class="name">${esc(u.fullName)}</span></button></li>`,
    )
    .join("");
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Sign in to the local forge</title><style>${STYLE}</style></head>
<body><main>
<h1>Sign in to the local forge</h1>
<p><strong>${esc(app.name)}</strong> wants to access your account. Choose who you are:</p>
<form method="post" action="/login/oauth/grant">${fields}
<ul>${buttons || '<li class="empty">No users yet.</li>'}</ul>
<button type="submit" name="deny" value="1" class="deny">Cancel</button>
</form>
</main></body></html>`;
}

export function renderErrorPage(message: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Sign in to the local forge</title>
<style>${STYLE}</style></head><body><main><h1>Cannot sign in</h1><p>${esc(message)}</p></main></body></html>`;
}
