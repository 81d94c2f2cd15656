// What the e2e specs put on `window` in the page (addInitScript) and read back (page.evaluate).
export {};

declare global {
  interface Window {
    /** Layout shifts seen while scrolling (caching.spec.ts). */
    __shifts?: string[];
    /** Content-Security-Policy violations (helpers/csp.ts). */
    cspViolations?: string[];
    /** Set by injected markup if it ever ran (hostile-content.spec.ts, security-headers.spec.ts). */
    __pwned?: unknown;
    /** Calls of the stubbed window.print (share.spec.ts). */
    printCalls?: number;
    /** What the stubbed navigator.share was given (share.spec.ts). */
    shared?: ShareData[];
  }
}
