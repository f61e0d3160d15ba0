// Small self-contained HTML pages for route handlers that must answer with an exact status code (OAuth
// install results, refused Control Panel payloads). Everything interpolated is escaped; callers never
// pass request input, so nothing a visitor sent is echoed back.

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

export type HtmlPageTone = "success" | "error" | "info";

export type HtmlPageBlock =
  | { kind: "p"; text: string }
  | { kind: "secret"; label: string; value: string; hint: string }
  | { kind: "link"; href: string; text: string };

const toneColor = { success: "#065f46", error: "#991b1b", info: "#1e3a8a" } as const;
const toneBg = { success: "#ecfdf5", error: "#fef2f2", info: "#eff6ff" } as const;

export function htmlPage(opts: {
  status: number;
  title: string;
  tone: HtmlPageTone;
  lead: string;
  blocks?: HtmlPageBlock[];
  nonce?: string | null;
}): Response {
  const blocks = (opts.blocks ?? [])
    .map((b) => {
      if (b.kind === "p") return `<p>${escapeHtml(b.text)}</p>`;
      if (b.kind === "link") return `<p><a class="button" href="${escapeHtml(b.href)}">${escapeHtml(b.text)}</a></p>`;
      return `<div class="secret"><label for="secret-value">${escapeHtml(b.label)}</label>
<div class="row"><input id="secret-value" readonly value="${escapeHtml(b.value)}" aria-describedby="secret-hint" spellcheck="false">
<button type="button" id="copy-secret">Copy</button></div><p id="secret-hint" class="hint">${escapeHtml(b.hint)}</p></div>`;
    })
    .join("\n");
  const script = opts.nonce
    ? `<script nonce="${escapeHtml(opts.nonce)}">(function(){var b=document.getElementById("copy-secret"),i=document.getElementById("secret-value");if(!b||!i)return;b.addEventListener("click",function(){i.select();navigator.clipboard&&navigator.clipboard.writeText(i.value).then(function(){b.textContent="Copied";});});})();</script>`
    : "";
  const body = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="robots" content="noindex"><title>${escapeHtml(opts.title)} · Storelink</title>
<style>
body{font-family:ui-sans-serif,system-ui,sans-serif;background:#fafafa;color:#18181b;margin:0}
main{max-width:40rem;margin:3rem auto;padding:0 1rem}
.card{background:#fff;border:1px solid #e4e4e7;border-radius:.5rem;padding:1.5rem;box-shadow:0 1px 2px rgba(0,0,0,.05)}
h1{font-size:1.5rem;margin:0 0 .75rem}
.lead{border-radius:.375rem;padding:.75rem 1rem;color:${toneColor[opts.tone]};background:${toneBg[opts.tone]}}
.secret label{display:block;font-weight:600;margin:1rem 0 .375rem}.row{display:flex;gap:.5rem}
input{flex:1;font-family:ui-monospace,monospace;font-size:.85rem;padding:.5rem;border:1px solid #d4d4d8;border-radius:.375rem}
button,.button{display:inline-block;background:#4f46e5;color:#fff;border:0;border-radius:.375rem;padding:.5rem .875rem;font-size:.875rem;text-decoration:none;cursor:pointer}
:focus-visible{outline:2px solid #4f46e5;outline-offset:2px}.hint{font-size:.8rem;color:#52525b}
</style></head><body><main><div class="card"><h1>${escapeHtml(opts.title)}</h1>
<p class="lead" role="${opts.tone === "error" ? "alert" : "status"}">${escapeHtml(opts.lead)}</p>
${blocks}</div></main>${script}</body></html>`;
  return new Response(body, {
    status: opts.status,
    headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store", "x-robots-tag": "noindex" },
  });
}
