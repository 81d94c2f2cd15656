import type { Page } from '@playwright/test';

/**
 * Where the page's text runs together without the site's styles: two runs of letters or digits that meet at an
 * element boundary with nothing between them, inside one line of unstyled text. That is what a text browser shows,
 * what a copy of the page gives, and what a reader gets when the CSS does not load; the site's CSS may well have
 * put space there (a flex gap, a block), which is the point: the text itself must separate them.
 *
 * Run on a page loaded without JavaScript, so it is the server's HTML. The site's style sheets are switched off
 * while it looks, so every element has the browser's own display (blocks break lines, inline elements do not).
 * Formatting inside a word (`<mark>` around a search hit, `<b>`, `<sub>` ...) is no boundary between words.
 * Returns each join as `…before|after…` with the inline elements on either side.
 */
export function unstyledTextRuns(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const sheets = Array.from(document.styleSheets);
    const wasDisabled = sheets.map((sheet) => sheet.disabled);
    for (const sheet of sheets) sheet.disabled = true;
    try {
      const WITHIN_WORD = new Set(['MARK', 'B', 'STRONG', 'I', 'EM', 'U', 'S', 'SMALL', 'SUB', 'SUP', 'ABBR', 'WBR']);
      // A separator: a line break or a replaced element with a box of its own.
      const SEPARATORS = new Set(['BR', 'HR', 'INPUT', 'SELECT', 'TEXTAREA', 'IMG', 'SVG', 'VIDEO', 'IFRAME', 'PROGRESS', 'METER']);
      type Piece = { text: string; node: Text } | 'break';
      const pieces: Piece[] = [];
      const walk = (node: Node) => {
        if (node.nodeType === Node.TEXT_NODE) {
          if (node.textContent) pieces.push({ text: node.textContent, node: node as Text });
          return;
        }
        if (!(node instanceof Element)) return;
        const display = getComputedStyle(node).display;
        if (display === 'none') return;
        if (SEPARATORS.has(node.tagName.toUpperCase())) {
          const alt = node.getAttribute('alt');
          // An image without alt text is nothing in a text browser: the text either side of it meets.
          if (node.tagName !== 'IMG' || alt) pieces.push('break');
          return;
        }
        const block = !display.startsWith('inline') && display !== 'contents';
        if (block) pieces.push('break');
        for (const child of node.childNodes) walk(child);
        if (block) pieces.push('break');
      };
      walk(document.body);

      const describe = (node: Text) => {
        const parent = node.parentElement!;
        const cls = parent.getAttribute('class');
        return `${parent.tagName.toLowerCase()}${cls ? `.${cls.trim().split(/\s+/).join('.')}` : ''}`;
      };
      /** Whether only inline formatting meant for inside a word lies between two text nodes. */
      const withinWord = (a: Text, b: Text) => {
        const range = document.createRange();
        range.setStartAfter(a);
        range.setEndBefore(b);
        const common = range.commonAncestorContainer;
        const inBetween = (el: Element | null) => {
          for (let e = el; e && e !== common; e = e.parentElement) if (!WITHIN_WORD.has(e.tagName.toUpperCase())) return false;
          return true;
        };
        return inBetween(a.parentElement) && inBetween(b.parentElement);
      };

      const joins: string[] = [];
      let previous: { text: string; node: Text } | null = null;
      for (const piece of pieces) {
        if (piece === 'break') {
          previous = null;
          continue;
        }
        if (!piece.text.trim()) {
          // Whitespace separates whatever it lies between; an empty run changes nothing.
          if (/\s/.test(piece.text)) previous = null;
          continue;
        }
        if (
          previous &&
          previous.node.parentElement !== piece.node.parentElement &&
          /[\p{L}\p{N}]$/u.test(previous.text) &&
          /^[\p{L}\p{N}]/u.test(piece.text) &&
          !withinWord(previous.node, piece.node)
        ) {
          joins.push(`“…${previous.text.slice(-30)}|${piece.text.slice(0, 30)}…” (${describe(previous.node)} | ${describe(piece.node)})`);
        }
        previous = piece;
      }
      return joins;
    } finally {
      sheets.forEach((sheet, i) => (sheet.disabled = wasDisabled[i]!));
    }
  });
}
