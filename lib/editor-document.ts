import type { Span } from '@/lib/content-schema';
import type { EditorBlock } from '@/lib/editor-draft';

// The body editor's document (ProseMirror JSON, the schema of components/newsroom/editor/extensions.ts) and the
// stored blocks, one to one (docs/decisions/0029-article-editor.md):
//   paragraph (text with bold, italic, link marks)  <->  { type: 'paragraph', spans }
//   heading (level 2, plain text)                   <->  { type: 'heading', text }
//   quote (plain text, attribute cite)              <->  { type: 'quote', text, cite? }
//   bulletList / orderedList > listItem > paragraph <->  { type: 'list', ordered, items } (items are plain text)
//   photo (atom: file, alt, caption, credit)        <->  { type: 'image', file, alt, caption, credit }
// Empty paragraphs, headings, quotes and list items (an Enter pressed twice) are not blocks: they are dropped.

type Mark = { type: string; attrs?: Record<string, unknown> };
export type PmNode = { type: string; attrs?: Record<string, unknown>; content?: PmNode[]; text?: string; marks?: Mark[] };

const textNode = (text: string, marks: Mark[] = []): PmNode => (marks.length ? { type: 'text', text, marks } : { type: 'text', text });

function spanToText(span: Span): PmNode {
  const marks: Mark[] = [];
  if (span.bold) marks.push({ type: 'bold' });
  if (span.italic) marks.push({ type: 'italic' });
  if (span.href) marks.push({ type: 'link', attrs: { href: span.href } });
  return textNode(span.text, marks);
}

const plain = (text: string): PmNode[] => (text ? [textNode(text)] : []);

function blockToNode(block: EditorBlock): PmNode {
  switch (block.type) {
    case 'paragraph':
      return { type: 'paragraph', content: block.spans.map(spanToText) };
    case 'heading':
      return { type: 'heading', attrs: { level: 2 }, content: plain(block.text) };
    case 'quote':
      return { type: 'quote', attrs: { cite: block.cite ?? null }, content: plain(block.text) };
    case 'list':
      return {
        type: block.ordered ? 'orderedList' : 'bulletList',
        content: block.items.map((item) => ({ type: 'listItem', content: [{ type: 'paragraph', content: plain(item) }] })),
      };
    case 'image':
      return { type: 'photo', attrs: { file: block.file, alt: block.alt, caption: block.caption, credit: block.credit } };
  }
}

/** The editor's document for these blocks (an empty paragraph when there are none: the editor needs one). */
export function blocksToDoc(blocks: readonly EditorBlock[]): PmNode {
  const content = blocks.map(blockToNode);
  return { type: 'doc', content: content.length ? content : [{ type: 'paragraph' }] };
}

const textOf = (node: PmNode): string => (node.text ?? '') + (node.content ?? []).map(textOf).join('');

/** Marked text as spans: neighbours with the same marks are one span. */
function spansOf(node: PmNode): Span[] {
  const spans: Span[] = [];
  for (const child of node.content ?? []) {
    if (child.type !== 'text' || !child.text) continue;
    // Marks on white space alone show nothing, and a span must have text (lib/content-schema.ts): it joins its neighbours.
    const marks = child.text.trim() ? (child.marks ?? []) : [];
    const href = marks.find((m) => m.type === 'link')?.attrs?.href;
    const span: Span = { text: child.text };
    if (marks.some((m) => m.type === 'bold')) span.bold = true;
    if (marks.some((m) => m.type === 'italic')) span.italic = true;
    if (typeof href === 'string') span.href = href;
    const last = spans.at(-1);
    if (last && (!span.text.trim() || !last.text.trim())) {
      last.text += span.text;
      if (!span.text.trim()) continue;
      Object.assign(last, { ...span, text: last.text });
      continue;
    }
    if (last && last.bold === span.bold && last.italic === span.italic && last.href === span.href) last.text += span.text;
    else spans.push(span);
  }
  return spans;
}

const str = (value: unknown): string => (typeof value === 'string' ? value : '');

function nodeToBlock(node: PmNode): EditorBlock | null {
  switch (node.type) {
    case 'paragraph': {
      const spans = spansOf(node);
      return spans.some((s) => s.text.trim()) ? { type: 'paragraph', spans } : null;
    }
    case 'heading': {
      const text = textOf(node);
      return text.trim() ? { type: 'heading', text } : null;
    }
    case 'quote': {
      const text = textOf(node);
      const cite = node.attrs?.cite;
      if (!text.trim()) return null;
      return typeof cite === 'string' ? { type: 'quote', text, cite } : { type: 'quote', text };
    }
    case 'bulletList':
    case 'orderedList': {
      const items = (node.content ?? []).map(textOf).filter((item) => item.trim());
      return items.length ? { type: 'list', ordered: node.type === 'orderedList', items } : null;
    }
    case 'photo':
      return { type: 'image', file: str(node.attrs?.file), alt: str(node.attrs?.alt), caption: str(node.attrs?.caption), credit: str(node.attrs?.credit) };
    default:
      return null;
  }
}

/** The blocks this document says, in order. */
export function docToBlocks(doc: PmNode): EditorBlock[] {
  return (doc.content ?? []).map(nodeToBlock).filter((block): block is EditorBlock => block !== null);
}
