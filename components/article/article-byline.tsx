import { Fragment } from 'react';
import { parseByline } from '@/lib/authors';
import { authorPath } from '@/lib/urls';

/**
 * The byline exactly as typed, each author's name a link to their page. The separators between names (` - `, `, `)
 * stay in the text, so names never run together, styled or not.
 */
export function ArticleByline({ byline }: { byline: string }) {
  return (
    <p className="article__byline">
      {parseByline(byline).map((part, index) => (
        <Fragment key={index}>
          {part.author ? (
            <a href={authorPath(part.author.slug)} rel="author">
              {part.text}
            </a>
          ) : (
            part.text
          )}
        </Fragment>
      ))}
    </p>
  );
}
