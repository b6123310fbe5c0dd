/**
 * The document a mail's (already sanitised) HTML is shown in, inside <iframe sandbox srcdoc>. Its own CSP
 * is a second lock behind main's sanitiser and the app's CSP (which a srcdoc frame inherits): nothing may
 * load from anywhere but data: (the inlined images), no scripts at all, no forms, no base or plugins.
 * `body` is a flow root so children's margins stay inside it and its height is the content's height.
 */
export function frameDocument(sanitisedHtml: string): string {
  return `<!doctype html><html><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'; font-src data:; form-action 'none'; base-uri 'none'">
<style>
html,body{margin:0;padding:0;background:#fff}
body{display:flow-root;padding:4px 2px;font:14px/1.5 -apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:#212529;overflow-wrap:anywhere}
img{max-width:100%;height:auto}
table{max-width:100%}
pre{white-space:pre-wrap}
a{color:#1c7ed6}
</style></head><body>${sanitisedHtml}</body></html>`;
}

/** Links a mail may open: web pages and mail addresses, outside the app. Anything else stays dead. */
export function outsideLink(href: string | null): string | null {
  if (!href) return null;
  try {
    const url = new URL(href);
    return url.protocol === 'http:' || url.protocol === 'https:' || url.protocol === 'mailto:' ? url.href : null;
  } catch {
    return null;
  }
}
