// @ts-check
// The security headers of every response, sent by server.mjs (docs/security.md). Scripts need 'unsafe-inline':
// pages are cached whole, so they cannot carry a per-request nonce, and Next's inline bootstrap scripts differ
// on every page (docs/decisions/0013-content-security-policy.md). Everything else allows this site only.
/** @type {Array<[directive: string, value: string]>} */
const DIRECTIVES = [
  ['default-src', "'self'"],
  ['script-src', "'self' 'unsafe-inline'"],
  // Inline event handlers (`onerror="..."`): neither Next nor React writes any, and they are what injected
  // markup would use.
  ['script-src-attr', "'none'"],
  ['style-src', "'self'"],
  ['img-src', "'self' data:"],
  ['font-src', "'self'"],
  ['connect-src', "'self'"],
  ['object-src', "'none'"],
  ['base-uri', "'self'"],
  ['frame-ancestors', "'none'"],
  ['form-action', "'self'"],
];

/**
 * The policy, with some directives' values replaced (the newsroom's: server/newsroom.mjs). The order stays:
 * `script-src` before `script-src-attr`.
 * @param {Record<string, string>} [overrides]
 */
function contentSecurityPolicy(overrides = {}) {
  return DIRECTIVES.map(([name, value]) => `${name} ${overrides[name] ?? value}`).join('; ');
}

const CONTENT_SECURITY_POLICY = contentSecurityPolicy();

/** @type {Array<[name: string, value: string]>} */
const SECURITY_HEADERS = [
  ['Content-Security-Policy', CONTENT_SECURITY_POLICY],
  ['X-Content-Type-Options', 'nosniff'],
  ['Referrer-Policy', 'strict-origin-when-cross-origin'],
  ['Permissions-Policy', 'camera=(), microphone=(), geolocation=()'],
];

/** A year, this host only: other hosts of the same domain may not serve HTTPS. Only when SITE_URL is https. */
const STRICT_TRANSPORT_SECURITY = 'max-age=31536000';

module.exports = { CONTENT_SECURITY_POLICY, contentSecurityPolicy, SECURITY_HEADERS, STRICT_TRANSPORT_SECURITY };
