import type { Page } from '@playwright/test';

const CONTROLS =
  'a[href], button, summary, input:not([type="hidden"]), select, textarea, [role="button"], [role="link"], [role="checkbox"], [role="switch"], [role="tab"], [role="menuitem"], [tabindex]:not([tabindex="-1"])';
const MARK = 'data-nhan-kiem-tra';

/**
 * WCAG 2.5.3 (Label in Name): every control a reader can see and that shows words must have an accessible name
 * that contains those words, so that a voice-control user can say what they see. axe does not check this.
 *
 * The visible label is the text drawn inside the control (text that is clipped away, as `.visually-hidden` does,
 * does not count; text hidden from assistive technology does), or for a text field its visible <label>. The name
 * is Chromium's own, from its accessibility tree. Both are compared in lower case without spaces (CSS may change
 * case; spacing between words is the text-runs check's business). Returns each control that fails.
 */
export async function labelNotInName(page: Page): Promise<string[]> {
  const controls = await page.evaluate(
    ({ selector, mark }) => {
      // Drawn: shown, and neither it nor an element around it up to the control clipped to a pixel (the
      // visually-hidden pattern: 1 x 1, overflow hidden or clip-path).
      const drawn = (el: Element, root: Element) => {
        if (!el.checkVisibility({ opacityProperty: true, visibilityProperty: true })) return false;
        for (let e: Element | null = el; e; e = e === root ? null : e.parentElement) {
          const rect = e.getBoundingClientRect();
          if (rect.width <= 1 || rect.height <= 1 || getComputedStyle(e).clipPath === 'inset(50%)') return false;
        }
        return true;
      };
      const shown = (el: Element) => drawn(el, el);
      const drawnText = (root: Element) => {
        let text = '';
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          if (node.parentElement && drawn(node.parentElement, root)) text += node.textContent;
        }
        return text;
      };
      const found: Array<{ index: number; label: string; what: string }> = [];
      document.querySelectorAll(`[${mark}]`).forEach((el) => el.removeAttribute(mark));
      Array.from(document.querySelectorAll(selector)).forEach((el, index) => {
        if (!shown(el) || el.closest('[aria-hidden="true"]')) return;
        let label = drawnText(el);
        if (el instanceof HTMLInputElement && ['submit', 'button', 'reset'].includes(el.type)) label = el.value;
        else if (el instanceof HTMLInputElement || el instanceof HTMLSelectElement || el instanceof HTMLTextAreaElement) {
          label = Array.from(el.labels ?? []).filter(shown).map(drawnText).join(' ');
        }
        el.setAttribute(mark, String(index));
        const cls = el.getAttribute('class');
        found.push({ index, label, what: `${el.tagName.toLowerCase()}${cls ? `.${cls.trim().split(/\s+/).join('.')}` : ''}` });
      });
      return found;
    },
    { selector: CONTROLS, mark: MARK },
  );

  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
    const { nodeIds } = await cdp.send('DOM.querySelectorAll', { nodeId: root.nodeId, selector: `[${MARK}]` });
    const names = new Map<number, string>();
    for (const nodeId of nodeIds) {
      const { attributes } = await cdp.send('DOM.getAttributes', { nodeId });
      const index = Number(attributes[attributes.indexOf(MARK) + 1]);
      const { nodes } = await cdp.send('Accessibility.getPartialAXTree', { nodeId, fetchRelatives: false });
      names.set(index, String(nodes[0]?.name?.value ?? ''));
    }
    const squash = (text: string) => text.normalize('NFC').toLocaleLowerCase('vi').replace(/\s+/g, '');
    const failures: string[] = [];
    for (const { index, label, what } of controls) {
      const name = names.get(index) ?? '';
      if (squash(label) && !squash(name).includes(squash(label))) failures.push(`${what}: shows “${label.trim()}”, named “${name}”`);
    }
    return failures;
  } finally {
    await cdp.detach();
  }
}
