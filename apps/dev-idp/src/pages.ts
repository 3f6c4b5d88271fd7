import type { Persona } from "@tessera/config";

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

// Self-contained styles: no web fonts, no external assets, readable in light and dark mode.
const STYLES = `
:root { color-scheme: light dark; --bg:#f4f5f7; --panel:#fff; --text:#1b1f24; --muted:#4a525c;
  --border:#c9ced6; --accent:#1d4ed8; --accent-text:#fff; --warn-bg:#fff4d6; --warn-text:#5c3d00; }
@media (prefers-color-scheme: dark) { :root { --bg:#111418; --panel:#1a1f25; --text:#eef1f4;
  --muted:#b4bcc6; --border:#3a424c; --accent:#93b4ff; --accent-text:#0b1220; --warn-bg:#3d2f00;
  --warn-text:#ffe3a3; } }
* { box-sizing: border-box; }
body { margin:0; background:var(--bg); color:var(--text);
  font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
main { max-width: 40rem; margin: 2rem auto; padding: 0 1rem; }
.panel { background:var(--panel); border:1px solid var(--border); border-radius:8px; padding:1.5rem; }
h1 { font-size:1.5rem; margin:0 0 .5rem; }
p { margin:.25rem 0 1rem; color:var(--muted); }
.notice { background:var(--warn-bg); color:var(--warn-text); border-radius:6px; padding:.75rem 1rem;
  margin-bottom:1.25rem; font-weight:600; }
ul { list-style:none; padding:0; margin:0; display:grid; gap:.5rem; }
button { width:100%; text-align:left; font:inherit; color:var(--text); background:var(--panel);
  border:1px solid var(--border); border-radius:6px; padding:.75rem 1rem; cursor:pointer; }
button:hover { border-color:var(--accent); }
button:focus-visible { outline:3px solid var(--accent); outline-offset:2px; }
button .name { display:block; font-weight:600; }
button .desc { display:block; color:var(--muted); font-size:.9rem; }
.primary { background:var(--accent); color:var(--accent-text); border-color:var(--accent);
  text-align:center; font-weight:600; }
.secondary { text-align:center; margin-top:.5rem; }
`;

function layout(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} — Tessera development identity provider</title>
<style>${STYLES}</style>
</head>
<body>
<main>
<div class="panel">
<div class="notice" role="note">Development and test identity provider. Never use it in production: anyone can sign in as any persona.</div>
${body}
</div>
</main>
</body>
</html>`;
}

export function loginPage(options: {
  uid: string;
  clientName: string;
  personas: readonly Persona[];
}): string {
  const items = options.personas
    .map(
      (p) => `<li><button type="submit" name="persona" value="${escapeHtml(p.key)}">
<span class="name">${escapeHtml(p.name)}</span>
<span class="desc">${escapeHtml(p.description)} · ${escapeHtml(p.email)}</span>
</button></li>`,
    )
    .join("\n");
  return layout(
    "Choose a persona",
    `<h1>Sign in to ${escapeHtml(options.clientName)}</h1>
<p>Choose the demo persona to sign in as.</p>
<form method="post" action="/interaction/${encodeURIComponent(options.uid)}/login" aria-label="Personas">
<ul>
${items}
</ul>
</form>
<form method="post" action="/interaction/${encodeURIComponent(options.uid)}/abort">
<button type="submit" class="secondary">Cancel and return</button>
</form>`,
  );
}

export function logoutPage(form: string, host: string): string {
  return layout(
    "Sign out",
    `<h1>Sign out of the identity provider?</h1>
<p>You are signed in at ${escapeHtml(host)}.</p>
${form}
<button type="submit" class="primary" form="op.logoutForm" value="yes" name="logout" autofocus>Yes, sign me out</button>
<button type="submit" class="secondary" form="op.logoutForm">No, stay signed in</button>`,
  );
}

export function loggedOutPage(): string {
  return layout(
    "Signed out",
    `<h1>Signed out</h1><p>You have signed out of the identity provider.</p>`,
  );
}

export function errorPage(details: Record<string, string | undefined>): string {
  const lines = Object.entries(details)
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([key, value]) => `<li><strong>${escapeHtml(key)}</strong>: ${escapeHtml(value)}</li>`)
    .join("");
  return layout(
    "Something went wrong",
    `<h1>Something went wrong</h1><p>Go back to Tessera and start signing in again.</p><ul>${lines}</ul>`,
  );
}
