/**
 * The reader's display settings: a font size step and high contrast. They live as data attributes on <html>,
 * which app/globals.css reads, and in localStorage, so they last across pages and visits. The head script below
 * puts the stored ones on <html> before the first paint; ReaderControls reads and changes them afterwards.
 */

/** Steps 1 to 5 are 87.5%, 100%, 112.5%, 125% and 150% of the browser's font size (app/globals.css). */
export const FONT_STEPS = 5;
export const DEFAULT_FONT_STEP = 2;
export const FONT_STEP_ATTRIBUTE = 'data-co-chu';
export const CONTRAST_ATTRIBUTE = 'data-tuong-phan';
export const HIGH_CONTRAST = 'cao';
export const FONT_STEP_KEY = 'hien-thi:co-chu';
export const CONTRAST_KEY = 'hien-thi:tuong-phan';

/**
 * Inline in <head>, so it runs before the body is parsed: no flash of the default size or colours. A constant
 * made of the constants above; it inserts no stored text into the page (the step is checked and re-written as a
 * number). `data-js` lets the CSS keep room for the controls that hydration adds, so the page does not jump.
 */
export const readerSettingsScript = `(function(){var d=document.documentElement;d.setAttribute('data-js','');try{var n=Number(localStorage.getItem(${JSON.stringify(FONT_STEP_KEY)}));if(n%1===0&&n>=1&&n<=${FONT_STEPS}&&n!==${DEFAULT_FONT_STEP})d.setAttribute(${JSON.stringify(FONT_STEP_ATTRIBUTE)},String(n));if(localStorage.getItem(${JSON.stringify(CONTRAST_KEY)})===${JSON.stringify(HIGH_CONTRAST)})d.setAttribute(${JSON.stringify(CONTRAST_ATTRIBUTE)},${JSON.stringify(HIGH_CONTRAST)})}catch(e){}})()`;

/**
 * What the head script does, for a page on which it never ran: Next draws the page of a `notFound()` thrown while
 * rendering in the browser only, from an empty server shell (vercel/next.js#62228), and a script that React puts
 * in the page does not run. Does nothing where the head script has run (`data-js` is there).
 */
export function applyStoredSettings(): void {
  const root = document.documentElement;
  if (root.hasAttribute('data-js')) return;
  root.setAttribute('data-js', '');
  try {
    applyFontStep(parseFontStep(window.localStorage.getItem(FONT_STEP_KEY)));
    applyHighContrast(window.localStorage.getItem(CONTRAST_KEY) === HIGH_CONTRAST);
  } catch {
    // Storage may be off: the defaults stay.
  }
}

export function parseFontStep(value: string | null): number {
  const step = Number(value);
  return Number.isInteger(step) && step >= 1 && step <= FONT_STEPS ? step : DEFAULT_FONT_STEP;
}

export function readFontStep(): number {
  return parseFontStep(document.documentElement.getAttribute(FONT_STEP_ATTRIBUTE));
}

export function readHighContrast(): boolean {
  return document.documentElement.getAttribute(CONTRAST_ATTRIBUTE) === HIGH_CONTRAST;
}

/** Shows the setting on this page; the default is no attribute, as in the server's HTML. */
export function applyFontStep(step: number): void {
  if (step === DEFAULT_FONT_STEP) document.documentElement.removeAttribute(FONT_STEP_ATTRIBUTE);
  else document.documentElement.setAttribute(FONT_STEP_ATTRIBUTE, String(step));
}

export function applyHighContrast(on: boolean): void {
  if (on) document.documentElement.setAttribute(CONTRAST_ATTRIBUTE, HIGH_CONTRAST);
  else document.documentElement.removeAttribute(CONTRAST_ATTRIBUTE);
}

/** Remembers a setting for later pages; `null` forgets it. Storage may be off or full: the page still changes. */
export function storeSetting(key: string, value: string | null): void {
  try {
    if (value === null) window.localStorage.removeItem(key);
    else window.localStorage.setItem(key, value);
  } catch {
    // Nothing to do: the setting lasts for this page only.
  }
}
