import { DateTime } from '@/components/ui/date-time';
import { Photo } from '@/components/ui/photo';
import { excerpt } from '@/lib/text';
import type { ArticleTeaser } from '@/lib/types';
import { articlePath } from '@/lib/urls';

type Props = {
  article: ArticleTeaser;
  /** Heading level of the title within the page outline. */
  headingLevel?: 2 | 3;
  /** Layout hint for the thumbnail's responsive sizes. */
  variant?: 'feature' | 'row' | 'compact';
  showExcerpt?: boolean;
  preloadImage?: boolean;
};

// On a phone (up to 480px) a row's photo (35% of the column) and a compact one (7.5rem) are both about a third of
// the screen: they say so alike, so that an article shown in both lists on the home page is one download.
const SIZES = {
  feature: '(max-width: 768px) 100vw, 760px',
  row: '(max-width: 480px) 33vw, (max-width: 768px) 35vw, 240px',
  compact: '(max-width: 480px) 33vw, (max-width: 768px) 30vw, 160px',
};

// The widest file each layout can use: its widest box (35vw or 30vw of a 768px screen) on a 3x screen.
const MAX_WIDTH = { feature: undefined, row: 800, compact: 700 };

export function ArticleCard({ article, headingLevel = 3, variant = 'row', showExcerpt = true, preloadImage }: Props) {
  const href = articlePath(article);
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <article className={`card card--${variant}`}>
      {article.image ? (
        <a href={href} className="card__image" tabIndex={-1} aria-hidden="true">
          <Photo
            src={article.image.src}
            width={article.image.width}
            height={article.image.height}
            alt={article.image.alt}
            sizes={SIZES[variant]}
            maxWidth={MAX_WIDTH[variant]}
            preload={preloadImage}
          />
        </a>
      ) : null}
      <div className="card__text">
        <Heading className="card__title">
          <a href={href}>{article.title}</a>
        </Heading>
        <p className="card__meta">
          <DateTime date={article.publishedAt} />
        </p>
        {showExcerpt ? <p className="card__excerpt">{excerpt(article.sapo)}</p> : null}
      </div>
    </article>
  );
}
