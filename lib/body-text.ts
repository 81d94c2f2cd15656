import type { StoredBlock } from '@/lib/content-schema';

/** The readable text of a body, block by block, for search (photos carry no text here). */
export function bodyPlainText(body: StoredBlock[]): string {
  return body
    .flatMap((block) => {
      if (block.type === 'paragraph') return [block.spans.map((s) => s.text).join('')];
      if (block.type === 'heading') return [block.text];
      if (block.type === 'quote') return [block.cite ? `${block.text} ${block.cite}` : block.text];
      if (block.type === 'list') return block.items;
      return [];
    })
    .join('\n');
}
