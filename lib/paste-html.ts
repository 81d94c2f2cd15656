// Cleans the text/html flavour of a paste from Word, LibreOffice Writer or Google Docs down to what the article
// editor's schema holds: paragraphs with bold, italic and http(s) links; one heading level; quotes, lists and list
// items of plain text; images. Everything else (styles, classes, fonts, comments, tracked deletions, Word's
// conditional markup) is dropped here, so the editor's parser never sees it.
//
// The caller passes the HTML parser: DOMParser in the browser (an inert document: nothing is fetched or run), linkedom
// in the tests. Only plain DOM calls are used (childNodes, nodeType, nodeValue, tagName, getAttribute, textContent,
// getElementsByTagName, removeChild), which both provide alike, and the result is written out here rather than
// through innerHTML, so it is the same string in both.

export interface CleanedPaste {
  /** Only p, h2, strong, em, a[href], br, ul, ol, li > p, blockquote and img[src], with no other attribute. */
  html: string;
  /** Images left out: on the author's disk (file:), on another site (http:, https:), or of a type not uploaded. */
  droppedImages: number;
  /** The data: URLs of the images kept, in document order: the editor uploads these. */
  images: string[];
}

type Marks = { bold: boolean; italic: boolean; href?: string };
type Run = { text: string; marks: Marks } | { br: true };
type TextKind = 'p' | 'h2' | 'quote' | 'item';
type TextBlock = { type: TextKind; runs: Run[] };
type ListBlock = { type: 'list'; ordered: boolean; items: TextBlock[]; wordList?: string };
type Block = TextBlock | ListBlock | { type: 'img'; src: string };
type Context = { kind: TextKind; id: number; list?: ListBlock };

const ELEMENT = 1;
const TEXT = 3;
const COMMENT = 8;

// Never content: the document head, scripts, embedded objects, form controls, Office's o:p paragraph marks and VML
// shapes (Word repeats each picture as an <img> next to them).
const DROPPED_TAGS = new Set([
  'head', 'title', 'meta', 'link', 'style', 'script', 'noscript', 'template', 'xml', 'iframe', 'object', 'embed',
  'svg', 'math', 'canvas', 'video', 'audio', 'picture', 'source', 'select', 'button', 'input', 'textarea', 'del',
  'o:p',
]);
const BLOCK_TAGS = new Set([
  'p', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'address', 'section', 'article', 'header',
  'footer', 'aside', 'main', 'nav', 'figure', 'figcaption', 'center', 'dl', 'dt', 'dd', 'table', 'thead', 'tbody',
  'tfoot', 'tr', 'td', 'th', 'caption', 'hr', 'body', 'html',
]);
// Word: comment marks and texts, tracked deletions, the [TP1] comment anchors.
const DROPPED_CLASSES = /^(msodel|msocommentreference|msocommenttext|msocomanchor|msocomoff|msocomtxt)$/i;
const WORD_HEADING_CLASS = /^mso(title|heading\d*)$/i;
const WORD_QUOTE_CLASS = /^mso(intense)?quote$/i;
const WORD_LIST_STYLE = /(?:^|;)\s*mso-list\s*:\s*(l\d+)\s+level\d+(?:\s+(lfo\d+))?/i;
const ORDERED_MARKER = /^\(?(\d+|[a-z]|[ivxlcdm]+)[.)]$/i;
// Word's fallbacks for readers without lists, comments or its line breaks: the typed bullet or number, the [TP1]
// anchor, a doubled <br>. Word writes them as <![if !supportLists]>…<![endif]>, which a browser reads as comments
// around live content.
const SKIPPED_FALLBACK = /^\[if !support(Lists|Annotations|LineBreakNewLine|EmptyParas)\]$/i;
const UPLOADED_IMAGE = /^data:image\/(png|jpe?g|webp);base64,[a-z0-9+/=\s]+$/i;

export function cleanPastedHtml(html: string, parse: (html: string) => Document): CleanedPaste {
  const doc = parse(revealDownlevelComments(html));
  dropGoogleDocsComments(doc);
  // The whole document, not only its body: the head's elements are dropped anyway, and a parser given a fragment
  // (linkedom) may leave it outside any body.
  const state = new Walk();
  state.visitChildren(doc, { bold: false, italic: false });
  return { html: state.blocks.map(serializeBlock).join(''), droppedImages: state.droppedImages, images: state.images };
}

/**
 * Word's `<![if !supportLists]>` is a comment to a browser's HTML parser, but some parsers (linkedom) drop it: written
 * as `<!--[if !supportLists]-->` it is a comment to every parser, so the fallback content between the pair is found
 * the same way everywhere. Real comments are matched first and left alone.
 */
function revealDownlevelComments(html: string): string {
  // An unclosed comment runs to the end, as in a browser (and keeps the scan linear).
  return html.replace(/<!--[\s\S]*?(?:-->|$)|<!\[(if\s[^\]]*|endif)\]>/gi, (match, condition?: string) =>
    condition === undefined ? match : `<!--[${condition}]-->`,
  );
}

/** Google Docs' HTML export puts each comment in a <div> at the end, its anchor linking back to the text. */
function dropGoogleDocsComments(doc: Document): void {
  for (const anchor of Array.from(doc.getElementsByTagName('a'))) {
    if (!(anchor.getAttribute('href') ?? '').startsWith('#cmnt_ref')) continue;
    let box: Element = anchor;
    while (tagOf(box) !== 'div' && box.parentElement && !['body', 'html'].includes(tagOf(box.parentElement))) {
      box = box.parentElement;
    }
    box.parentNode?.removeChild(box);
  }
}

class Walk {
  blocks: Block[] = [];
  images: string[] = [];
  droppedImages = 0;
  private contexts: Context[] = [{ kind: 'p', id: 0 }];
  private current: { block: TextBlock; id: number } | null = null;
  private openLists: ListBlock[] = [];
  private deferredImages: string[] = [];
  private nextId = 1;

  visitChildren(parent: Node, marks: Marks): void {
    let skipping = false;
    for (const child of Array.from(parent.childNodes)) {
      if (child.nodeType === COMMENT) {
        const data = (child.nodeValue ?? '').trim();
        if (SKIPPED_FALLBACK.test(data)) skipping = true;
        else if (/^\[endif\]$/i.test(data)) skipping = false;
        continue;
      }
      if (skipping) continue;
      if (child.nodeType === TEXT) this.addText(child.nodeValue ?? '', marks);
      else if (child.nodeType === ELEMENT) this.visitElement(child as Element, marks);
    }
  }

  private visitElement(el: Element, marks: Marks): void {
    const tag = tagOf(el);
    const style = parseStyle(el.getAttribute('style'));
    if (isDropped(el, tag, style)) return;
    if (tag === 'img') return this.addImage(el.getAttribute('src') ?? '');
    if (tag === 'br') return this.addBreak();
    if (tag === 'ul' || tag === 'ol') return this.visitList(el, tag === 'ol', marks);
    const wordList = wordListOf(el, style);
    if (wordList) return this.visitWordListItem(el, wordList, marks);
    if (tag === 'li') return this.visitBlock(el, 'item', marks);
    if (BLOCK_TAGS.has(tag)) return this.visitBlock(el, blockKind(el, tag), marks);
    this.visitChildren(el, marksOf(el, tag, style, marks));
  }

  private visitBlock(el: Element, kind: TextKind | null, marks: Marks): void {
    const top = this.top();
    // A paragraph inside a list item or heading goes on the same line: the schema holds one paragraph there.
    const continues = kind === null && (top.kind === 'item' || top.kind === 'h2');
    const context = continues ? top : this.newContext(kind ?? (top.kind === 'quote' ? 'quote' : 'p'));
    if (!continues) this.current = null;
    this.contexts.push(context);
    this.visitChildren(el, marks);
    this.contexts.pop();
    if (continues) this.addText(' ', marks);
    else this.current = null;
  }

  private visitList(el: Element, ordered: boolean, marks: Marks): void {
    // The schema has no nested lists: the items of an inner list join the outer one.
    const outer = this.openLists.length === 0;
    if (outer) {
      this.current = null;
      const list: ListBlock = { type: 'list', ordered, items: [] };
      this.blocks.push(list);
      this.openLists.push(list);
    }
    this.contexts.push({ kind: 'p', id: this.nextId++ });
    this.visitChildren(el, marks);
    this.contexts.pop();
    if (outer) this.closeLists();
  }

  private visitWordListItem(el: Element, wordList: string, marks: Marks): void {
    const last = this.blocks[this.blocks.length - 1];
    let list = last?.type === 'list' && last.wordList === wordList ? last : undefined;
    if (!list) {
      list = { type: 'list', ordered: ORDERED_MARKER.test(wordListMarker(el)), items: [], wordList };
      this.blocks.push(list);
    }
    this.current = null;
    this.openLists.push(list);
    this.contexts.push({ kind: 'item', id: this.nextId++, list });
    this.visitChildren(el, marks);
    this.contexts.pop();
    this.closeLists();
  }

  private closeLists(): void {
    this.openLists = [];
    this.current = null;
    for (const src of this.deferredImages) this.blocks.push({ type: 'img', src });
    this.deferredImages = [];
  }

  private addText(text: string, marks: Marks): void {
    const top = this.top();
    if (!this.current || this.current.id !== top.id) {
      if (!text.trim()) return; // whitespace between blocks starts nothing
      const block: TextBlock = { type: top.kind, runs: [] };
      if (top.kind === 'item') this.listFor(top).items.push(block);
      else this.blocks.push(block);
      this.current = { block, id: top.id };
    }
    this.current.block.runs.push({ text, marks });
  }

  private listFor(context: Context): ListBlock {
    const list = context.list ?? this.openLists[0];
    if (list) return list;
    const stray: ListBlock = { type: 'list', ordered: false, items: [] };
    this.blocks.push(stray);
    this.openLists.push(stray);
    context.list = stray;
    return stray;
  }

  private addBreak(): void {
    this.current?.block.runs.push({ br: true });
  }

  private addImage(src: string): void {
    if (!UPLOADED_IMAGE.test(src.trim())) {
      this.droppedImages++;
      return;
    }
    const clean = src.trim().replace(/\s+/g, '');
    this.images.push(clean);
    if (this.openLists.length > 0) this.deferredImages.push(clean);
    else {
      this.current = null;
      this.blocks.push({ type: 'img', src: clean });
    }
  }

  private top(): Context {
    return this.contexts[this.contexts.length - 1]!;
  }

  private newContext(kind: TextKind): Context {
    return { kind, id: this.nextId++, list: kind === 'item' ? this.openLists[0] : undefined };
  }
}

function tagOf(el: Element): string {
  return el.tagName.toLowerCase();
}

function classesOf(el: Element): string[] {
  return (el.getAttribute('class') ?? '').split(/\s+/).filter(Boolean);
}

function isDropped(el: Element, tag: string, style: Map<string, string>): boolean {
  if (DROPPED_TAGS.has(tag) || tag.startsWith('v:')) return true;
  if (classesOf(el).some((c) => DROPPED_CLASSES.test(c))) return true;
  // Word's comment list and comment marks; text the author had hidden.
  if (/^comment/i.test(style.get('mso-element') ?? '')) return true;
  if (/^comment$/i.test(style.get('mso-special-character') ?? '')) return true;
  if (style.get('display') === 'none' || /^all$/i.test(style.get('mso-hide') ?? '')) return true;
  // The mso-list:Ignore span is Word's typed bullet or number, where the conditional comments did not survive.
  if (/^ignore$/i.test(style.get('mso-list') ?? '')) return true;
  if (tag === 'a' && /^#_?msocom_/i.test(el.getAttribute('href') ?? '')) return true;
  if (tag === 'a' && /^#cmnt\d/i.test(el.getAttribute('href') ?? '')) return true; // Google Docs comment anchor
  return false;
}

/** The text kind a block element stands for; null for a plain container that takes its parent's kind. */
function blockKind(el: Element, tag: string): TextKind | null {
  if (/^h[1-6]$/.test(tag)) return 'h2';
  if (tag === 'blockquote') return 'quote';
  const classes = classesOf(el);
  if (classes.some((c) => WORD_HEADING_CLASS.test(c))) return 'h2';
  if (classes.some((c) => WORD_QUOTE_CLASS.test(c))) return 'quote';
  return null;
}

/** The list a Word list paragraph belongs to (its mso-list id and override), or null for any other element. */
function wordListOf(el: Element, style: Map<string, string>): string | null {
  const match = WORD_LIST_STYLE.exec(`mso-list:${style.get('mso-list') ?? ''}`);
  if (match && tagOf(el) !== 'li') return `${match[1]}${match[2] ?? ''}`;
  const listParagraph = classesOf(el).some((c) => /^msolistparagraph/i.test(c));
  return listParagraph && wordListMarker(el) !== '' ? 'MsoListParagraph' : null;
}

/** The bullet or number Word typed before a list paragraph's text. */
function wordListMarker(el: Element): string {
  let inFallback = false;
  let marker = '';
  const visit = (node: Node): void => {
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType === COMMENT) {
        const data = (child.nodeValue ?? '').trim();
        if (/^\[if !supportLists\]$/i.test(data)) inFallback = true;
        else if (/^\[endif\]$/i.test(data)) inFallback = false;
      } else if (child.nodeType === ELEMENT) {
        const ignore = /^ignore$/i.test(parseStyle((child as Element).getAttribute('style')).get('mso-list') ?? '');
        if (ignore) marker += child.textContent ?? '';
        else visit(child);
      } else if (child.nodeType === TEXT && inFallback) marker += child.nodeValue ?? '';
    }
  };
  visit(el);
  return marker.replace(/[\s\u00a0]+/g, '');
}

function marksOf(el: Element, tag: string, style: Map<string, string>, outer: Marks): Marks {
  const marks = { ...outer };
  if (tag === 'b' || tag === 'strong') marks.bold = true;
  if (tag === 'i' || tag === 'em') marks.italic = true;
  const weight = style.get('font-weight');
  // Google Docs wraps the whole paste in <b style="font-weight:normal">: the style wins over the tag.
  if (weight) marks.bold = /^(bold|bolder)$/i.test(weight) || Number(weight) >= 600;
  const fontStyle = style.get('font-style');
  if (fontStyle) marks.italic = /^(italic|oblique)/i.test(fontStyle);
  if (tag === 'a') {
    const href = httpHref(el.getAttribute('href'));
    if (href) marks.href = href;
  }
  return marks;
}

/** An absolute http(s) URL as the article's links must be (lib/content-schema.ts); anything else is not a link. */
function httpHref(raw: string | null): string | undefined {
  const value = (raw ?? '').trim();
  if (!/^https?:\/\//i.test(value)) return undefined;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

function parseStyle(style: string | null): Map<string, string> {
  const properties = new Map<string, string>();
  for (const declaration of (style ?? '').split(';')) {
    const colon = declaration.indexOf(':');
    if (colon < 0) continue;
    const name = declaration.slice(0, colon).trim().toLowerCase();
    const value = declaration.slice(colon + 1).replace(/!important/i, '').trim();
    if (name) properties.set(name, value);
  }
  return properties;
}

function serializeBlock(block: Block): string {
  if (block.type === 'img') return `<img src="${escapeHtml(block.src)}">`;
  if (block.type === 'list') {
    const items = block.items.map(plainText).filter(Boolean);
    if (items.length === 0) return '';
    const tag = block.ordered ? 'ol' : 'ul';
    return `<${tag}>${items.map((text) => `<li><p>${escapeHtml(text)}</p></li>`).join('')}</${tag}>`;
  }
  if (block.type === 'p') {
    const inner = serializeRuns(normalizeRuns(block.runs));
    return inner ? `<p>${inner}</p>` : '';
  }
  const text = plainText(block);
  if (!text) return '';
  return block.type === 'h2' ? `<h2>${escapeHtml(text)}</h2>` : `<blockquote>${escapeHtml(text)}</blockquote>`;
}

/** Headings, quotes and list items hold plain text: marks and links go, a line break becomes a space. */
function plainText(block: TextBlock): string {
  const text = block.runs.map((run) => ('br' in run ? ' ' : run.text)).join('');
  return collapseSpaces(text).trim();
}

function collapseSpaces(text: string): string {
  // \s covers the no-break spaces Word and Docs use to keep runs of spaces; zero-width ones are dropped.
  return text.replace(/[\u200b\u2060]/g, '').replace(/\s+/g, ' ');
}

/** Collapses white space as a browser shows it, across runs, and trims it at the edges and around line breaks. */
function normalizeRuns(runs: Run[]): Run[] {
  const out: Run[] = [];
  let atLineStart = true;
  for (const run of runs) {
    if ('br' in run) {
      trimEnd(out);
      if (!atLineStart) out.push(run);
      atLineStart = true;
      continue;
    }
    let text = collapseSpaces(run.text);
    if (atLineStart) text = text.replace(/^ /, '');
    if (!text) continue;
    const last = out[out.length - 1];
    if (last && !('br' in last) && sameMarks(last.marks, run.marks)) {
      out[out.length - 1] = { text: last.text + text, marks: last.marks };
    } else out.push({ text, marks: run.marks });
    atLineStart = text.endsWith(' ');
  }
  trimEnd(out);
  while (out.length > 0 && 'br' in out[out.length - 1]!) {
    out.pop();
    trimEnd(out);
  }
  return out;
}

function sameMarks(a: Marks, b: Marks): boolean {
  return a.bold === b.bold && a.italic === b.italic && a.href === b.href;
}

function trimEnd(runs: Run[]): void {
  while (runs.length > 0) {
    const last = runs[runs.length - 1]!;
    if ('br' in last) return;
    const text = last.text.replace(/ $/, '');
    if (text) {
      runs[runs.length - 1] = { text, marks: last.marks };
      return;
    }
    runs.pop();
  }
}

function serializeRuns(runs: Run[]): string {
  let html = '';
  for (let i = 0; i < runs.length; ) {
    const run = runs[i]!;
    if ('br' in run) {
      html += '<br>';
      i++;
      continue;
    }
    // A link spans all its runs, whatever their marks, so the editor sees one link, not several.
    let end = i + 1;
    while (end < runs.length && sameHref(runs[end]!, run.marks.href)) end++;
    const inner = runs
      .slice(i, end)
      .map((r) => ('br' in r ? '' : markText(r.text, r.marks)))
      .join('');
    html += run.marks.href ? `<a href="${escapeHtml(run.marks.href)}">${inner}</a>` : inner;
    i = end;
  }
  return mergeAdjacentMarks(html);
}

function sameHref(run: Run, href: string | undefined): boolean {
  return !('br' in run) && run.marks.href === href;
}

function markText(text: string, marks: Marks): string {
  let html = escapeHtml(text);
  if (marks.italic) html = `<em>${html}</em>`;
  if (marks.bold) html = `<strong>${html}</strong>`;
  return html;
}

/** Neighbouring runs share a mark's element: `<strong><em>a</em></strong><strong>b</strong>` has one strong. */
function mergeAdjacentMarks(html: string): string {
  return html.replace(/<\/strong><strong>/g, '').replace(/<\/em><em>/g, '');
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
