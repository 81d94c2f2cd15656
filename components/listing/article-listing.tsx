import { ArticleCard } from '@/components/listing/article-card';
import { Pagination } from '@/components/listing/pagination';
import type { ListingPage } from '@/lib/types';

type Props = { title: string; listing: ListingPage; pathFor: (page: number) => string; emptyText: string };

/** A category or keyword page: heading, 20 teasers newest first, pagination. */
export function ArticleListing({ title, listing, pathFor, emptyText }: Props) {
  return (
    <section className="listing">
      <h1 className="listing__title">
        {title}
        {listing.page > 1 ? <span className="listing__page"> – Trang {listing.page}</span> : null}
      </h1>
      {listing.items.length ? (
        <ol className="listing__items">
          {listing.items.map((article, index) => (
            <li key={article.id}>
              <ArticleCard article={article} headingLevel={2} preloadImage={index === 0} />
            </li>
          ))}
        </ol>
      ) : (
        <p>{emptyText}</p>
      )}
      <Pagination page={listing.page} pageCount={listing.pageCount} pathFor={pathFor} />
    </section>
  );
}
