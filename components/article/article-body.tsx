import type { ReactNode } from 'react';
import { Photo } from '@/components/ui/photo';
import type { Span } from '@/lib/content-schema';
import type { BodyImage, RenderBlock } from '@/lib/types';

// Stored text is rendered as React text nodes: markup in it is shown, never executed.

function InlineSpan({ span }: { span: Span }) {
  let node: ReactNode = span.text;
  if (span.italic) node = <em>{node}</em>;
  if (span.bold) node = <strong>{node}</strong>;
  // Hrefs were checked to be http(s) on import; check again so nothing else can reach the page.
  if (span.href && /^https?:\/\//i.test(span.href)) {
    node = (
      <a href={span.href} rel="noopener noreferrer nofollow">
        {node}
      </a>
    );
  }
  return node;
}

function BodyFigure({ image, preload }: { image: BodyImage; preload: boolean }) {
  return (
    <figure className="article-figure">
      <Photo
        src={image.src}
        width={image.width}
        height={image.height}
        alt={image.alt}
        sizes="(max-width: 800px) 100vw, 760px"
        preload={preload}
      />
      {image.caption || image.credit ? (
        // Alt text rule: the alt describes the photo; when the caption is the same text, the caption is hidden
        // from screen readers so it is not read twice (the credit, if any, is still read).
        <figcaption aria-hidden={image.caption === image.alt && !image.credit ? true : undefined}>
          {image.caption}
          {image.credit ? <span className="article-figure__credit"> {image.credit}</span> : null}
        </figcaption>
      ) : null}
    </figure>
  );
}

function Block({ block, isLeadImage }: { block: RenderBlock; isLeadImage: boolean }) {
  switch (block.type) {
    case 'paragraph':
      return (
        <p>
          {block.spans.map((span, i) => (
            <InlineSpan key={i} span={span} />
          ))}
        </p>
      );
    case 'heading':
      return <h2>{block.text}</h2>;
    case 'quote':
      return (
        <blockquote>
          <p>{block.text}</p>
          {block.cite ? <footer>{block.cite}</footer> : null}
        </blockquote>
      );
    case 'list': {
      const List = block.ordered ? 'ol' : 'ul';
      return (
        <List>
          {block.items.map((item, i) => (
            <li key={i}>{item}</li>
          ))}
        </List>
      );
    }
    case 'image':
      return <BodyFigure image={block.image} preload={isLeadImage} />;
  }
}

export function ArticleBody({ blocks }: { blocks: RenderBlock[] }) {
  const leadIndex = blocks.findIndex((b) => b.type === 'image');
  return (
    <div className="article-body">
      {blocks.map((block, i) => (
        <Block key={i} block={block} isLeadImage={i === leadIndex && i < 2} />
      ))}
    </div>
  );
}
