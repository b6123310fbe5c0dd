/**
 * The Content-Security-Policy of the renderer, sent by both hosts (Electron's
 * app:// protocol and the web host). No remote code, no eval, no plugins;
 * styles may be inline because the component kit injects its theme variables.
 */
export const RENDERER_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "media-src 'self' blob:",
  "object-src 'none'",
  // Mail bodies are shown in <iframe sandbox="allow-same-origin" srcdoc>: a srcdoc document is not fetched, so
  // frame-src 'none' does not block it (Chromium; tests/e2e/mail.spec.ts shows one), while every frame that
  // would load a URL stays blocked. The srcdoc document inherits this whole policy: no remote images, no scripts.
  "frame-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
