import { Extension, Node, mergeAttributes, type AnyExtension } from '@tiptap/core';
import Bold from '@tiptap/extension-bold';
import Document from '@tiptap/extension-document';
import Heading from '@tiptap/extension-heading';
import Italic from '@tiptap/extension-italic';
import Link from '@tiptap/extension-link';
import { BulletList, ListItem, OrderedList } from '@tiptap/extension-list';
import Paragraph from '@tiptap/extension-paragraph';
import Text from '@tiptap/extension-text';
import { Dropcursor, Gapcursor, Placeholder, UndoRedo } from '@tiptap/extensions';
import { Plugin } from '@tiptap/pm/state';
import { ReactNodeViewRenderer } from '@tiptap/react';
import { isHttpUrl } from '@/lib/editor-links';
import { PhotoView } from './photo-view.client';

// The body editor's schema: exactly the stored blocks of lib/content-schema.ts, one to one (lib/editor-document.ts
// converts both ways; docs/decisions/0029-article-editor.md). Nothing else is in it, so nothing else can be typed,
// pasted or dropped in: no other heading level, no nested lists, no line breaks, no tables, no raw HTML.

/** A quotation: plain text, with its source (`cite`) as an attribute. */
const Quote = Node.create({
  name: 'quote',
  group: 'block',
  content: 'text*',
  marks: '',
  defining: true,
  addAttributes() {
    return { cite: { default: null, parseHTML: (el) => el.getAttribute('data-cite'), renderHTML: (a) => (a.cite ? { 'data-cite': a.cite } : {}) } };
  },
  parseHTML() {
    return [{ tag: 'blockquote', contentElement: (el) => el }];
  },
  renderHTML({ HTMLAttributes }) {
    return ['blockquote', mergeAttributes(HTMLAttributes), 0];
  },
});

/** A photo of the media store with its texts; an atom (its texts are edited in its own fields). */
const Photo = Node.create({
  name: 'photo',
  group: 'block',
  atom: true,
  draggable: true,
  addAttributes() {
    return { file: { default: '' }, alt: { default: '' }, caption: { default: '' }, credit: { default: '' } };
  },
  // Photos come from uploads only: pasted <img> are taken out before parsing (paste-html) and uploaded or reported.
  parseHTML() {
    return [{ tag: 'figure[data-photo]', getAttrs: (el) => ({ file: el.getAttribute('data-photo') ?? '' }) }];
  },
  renderHTML({ node }) {
    return ['figure', { 'data-photo': node.attrs.file }];
  },
  addNodeView() {
    return ReactNodeViewRenderer(PhotoView);
  },
});

/** Headings, quotes and list items hold plain text: marks put there (by a paste) are taken off. */
const PlainTextBlocks = Extension.create({
  name: 'plainTextBlocks',
  addProseMirrorPlugins() {
    return [
      new Plugin({
        appendTransaction(transactions, _old, state) {
          if (!transactions.some((t) => t.docChanged)) return null;
          const tr = state.tr;
          state.doc.descendants((node, pos) => {
            if (node.type.name === 'listItem') {
              node.descendants((child, offset) => {
                if (child.isText && child.marks.length) tr.removeMark(pos + 1 + offset, pos + 1 + offset + child.nodeSize);
              });
              return false;
            }
            return true;
          });
          return tr.docChanged ? tr : null;
        },
      }),
    ];
  },
});

export function editorExtensions({ placeholder }: { placeholder: string }): AnyExtension[] {
  return [
    Document,
    Text,
    Paragraph,
    Heading.extend({ marks: '' }).configure({ levels: [2] }),
    Quote,
    BulletList,
    OrderedList,
    ListItem.extend({ content: 'paragraph' }),
    Bold,
    Italic,
    Link.configure({
      openOnClick: false,
      autolink: false,
      linkOnPaste: false,
      protocols: [],
      defaultProtocol: 'https',
      isAllowedUri: (url) => isHttpUrl(url),
      HTMLAttributes: { rel: 'noopener noreferrer nofollow', target: null },
    }),
    Photo,
    UndoRedo,
    Dropcursor,
    Gapcursor,
    Placeholder.configure({ placeholder }),
    PlainTextBlocks,
  ];
}
