'use client';

import { useSyncExternalStore } from 'react';
import styles from '@/components/reader/reader-controls.module.css';
import {
  applyFontStep,
  applyStoredSettings,
  applyHighContrast,
  CONTRAST_ATTRIBUTE,
  CONTRAST_KEY,
  DEFAULT_FONT_STEP,
  FONT_STEP_ATTRIBUTE,
  FONT_STEP_KEY,
  FONT_STEPS,
  HIGH_CONTRAST,
  parseFontStep,
  readFontStep,
  readHighContrast,
  storeSetting,
} from '@/components/reader/reader-settings';

/**
 * The settings' store is <html> itself: the head script set its attributes before hydration, the buttons change
 * them, and a change made in another tab arrives as a storage event.
 */
function subscribe(onChange: () => void): () => void {
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, { attributeFilter: [FONT_STEP_ATTRIBUTE, CONTRAST_ATTRIBUTE] });
  applyStoredSettings();
  const onStorage = (event: StorageEvent) => {
    if (event.key === FONT_STEP_KEY || event.key === null) applyFontStep(parseFontStep(event.newValue));
    if (event.key === CONTRAST_KEY || event.key === null) applyHighContrast(event.newValue === HIGH_CONTRAST);
  };
  window.addEventListener('storage', onStorage);
  return () => {
    observer.disconnect();
    window.removeEventListener('storage', onStorage);
  };
}

function setFontStep(step: number) {
  applyFontStep(step);
  storeSetting(FONT_STEP_KEY, step === DEFAULT_FONT_STEP ? null : String(step));
}

function setHighContrast(on: boolean) {
  applyHighContrast(on);
  storeSetting(CONTRAST_KEY, on ? HIGH_CONTRAST : null);
}

/**
 * Font size (A- / A / A+) and high contrast. They need JavaScript, so they exist only in the browser (the server
 * snapshot is null): a reader without it sees no dead buttons. A- and A+ use aria-disabled rather than disabled
 * at the ends, so the keyboard focus stays on the button. Each name starts with what the button shows (`A- Giảm
 * cỡ chữ`), so a voice-control user can say what they see (WCAG 2.5.3, Label in Name).
 */
export function ReaderControls() {
  const fontStep = useSyncExternalStore(subscribe, readFontStep, () => null);
  const highContrast = useSyncExternalStore(subscribe, readHighContrast, () => false);
  if (fontStep === null) return null;

  const smallest = fontStep <= 1;
  const largest = fontStep >= FONT_STEPS;
  return (
    <div role="group" aria-label="Tùy chỉnh hiển thị" className={styles.controls}>
      <button
        type="button"
        className={`${styles.button} ${styles.smaller}`}
        aria-disabled={smallest}
        onClick={() => !smallest && setFontStep(fontStep - 1)}
      >
        A-<span className="visually-hidden"> Giảm cỡ chữ</span>
      </button>
      <button
        type="button"
        className={styles.button}
        aria-pressed={fontStep === DEFAULT_FONT_STEP}
        onClick={() => setFontStep(DEFAULT_FONT_STEP)}
      >
        A<span className="visually-hidden"> Cỡ chữ mặc định</span>
      </button>
      <button
        type="button"
        className={`${styles.button} ${styles.larger}`}
        aria-disabled={largest}
        onClick={() => !largest && setFontStep(fontStep + 1)}
      >
        A+<span className="visually-hidden"> Tăng cỡ chữ</span>
      </button>
      <button type="button" className={styles.button} aria-pressed={highContrast} onClick={() => setHighContrast(!highContrast)}>
        Tương phản cao
      </button>
    </div>
  );
}
