import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ArticleCard } from '@/components/listing/article-card';
import { Pagination } from '@/components/listing/pagination';
import { SearchForm } from '@/components/search/search-form';
import { SearchResults } from '@/components/search/search-results';
import { siteConfig } from '@/config/site';
import { listLatestArticles } from '@/db/queries/listings';
import { searchArticles, SEARCH_PAGE_SIZE } from '@/db/queries/search';
import { getEnv } from '@/env';
import { parsePageParam } from '@/lib/ids';
import { parseSearchQuery } from '@/lib/search-query';
import { pageMetadata } from '@/lib/seo/metadata';

type Props = PageProps<'/tim-kiem'>;

const searchPath = (q: string, page = 1) => `/tim-kiem?q=${encodeURIComponent(q)}${page > 1 ? `&trang=${page}` : ''}`;

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const { text } = parseSearchQuery((await searchParams).q);
  return pageMetadata({
    title: text ? `Tìm kiếm: ${text}` : 'Tìm kiếm',
    description: 'Tìm tin bài trên trang tin của Đài Phát thanh và Truyền hình Thái Bình, gõ có dấu hoặc không dấu.',
    path: '/tim-kiem',
    siteUrl: getEnv().siteUrl,
    site: siteConfig,
    noindex: true,
  });
}

export default async function SearchPage({ searchParams }: Props) {
  const params = await searchParams;
  const { text, terms } = parseSearchQuery(params.q);
  const page = parsePageParam(params.trang) ?? 1;
  const results = terms.length ? await searchArticles({ terms, page }) : null;
  if (results && results.total > 0 && page > results.pageCount) notFound();
  const suggestions = results && results.total === 0 ? await listLatestArticles(5) : [];

  return (
    <section className="search-page">
      <h1>{text ? `Kết quả tìm kiếm cho “${text}”` : 'Tìm kiếm'}</h1>
      <SearchForm defaultValue={text} id="tim-kiem-trang" />
      {!results ? (
        <p>Nhập từ khóa cần tìm, có dấu hoặc không dấu, ví dụ: “hội nghị”, “hoi nghi”, “đồng chí”.</p>
      ) : results.total === 0 ? (
        <>
          <p role="status">Không tìm thấy bài viết nào cho “{text}”. Hãy thử từ khóa ngắn hơn hoặc khác đi.</p>
          <h2 className="section-title">Tin mới nhất</h2>
          <ul className="listing__items">
            {suggestions.map((article) => (
              <li key={article.id}>
                <ArticleCard article={article} headingLevel={3} />
              </li>
            ))}
          </ul>
        </>
      ) : (
        <>
          <p role="status">
            {results.total.toLocaleString('vi-VN')} kết quả
            {results.matchedAll ? '' : ' (có một trong các từ khóa)'}
            {results.pageCount > 1 ? ` – trang ${page}/${results.pageCount}` : ''}
          </p>
          <SearchResults hits={results.hits} start={(page - 1) * SEARCH_PAGE_SIZE + 1} />
          <Pagination page={page} pageCount={results.pageCount} pathFor={(p) => searchPath(text, p)} />
        </>
      )}
    </section>
  );
}
