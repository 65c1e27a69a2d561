/**
 * The renderer's Content-Security-Policy, used by the browser host's headers, the Electron
 * app:// protocol handler and the <meta> tag of index.html (injected at build time).
 * Styles need 'unsafe-inline' because MUI (emotion) and Plotly inject <style> elements;
 * scripts come only from the app itself; nothing may be fetched from anywhere else.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "frame-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');
