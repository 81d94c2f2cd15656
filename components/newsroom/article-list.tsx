import { Pagination } from '@/components/listing/pagination';
import { ArticleFilters, type ArticleFilterValues } from '@/components/newsroom/article-filters';
import { ArticleTable } from '@/components/newsroom/article-table';
import styles from '@/components/newsroom/newsroom-home.module.css';
import panel from '@/components/newsroom/newsroom.module.css';
import { articleListHref, NEW_ARTICLE_PATH, type NewsroomArticlePage, type NewsroomArticleRow } from '@/lib/newsroom-articles';

type Props = {
  /** The viewer's own articles, newest change first (listMyArticles). */
  mine: NewsroomArticleRow[];
  /** One page of every article the viewer may see, filtered (listNewsroomArticles). */
  list: NewsroomArticlePage;
  filters: ArticleFilterValues;
  categories: { id: number; name: string }[];
};

const count = (n: number) => n.toLocaleString('vi-VN');

/** /toa-soan for a role that writes: "Bài của tôi", then every article the role may see, with filters and pages. */
export function NewsroomArticleList({ mine, list, filters, categories }: Props) {
  const filtered = Boolean(filters.q || filters.status || filters.categoryId || filters.authorText);
  return (
    <section className={panel.wide} aria-labelledby="bai-viet-tieu-de">
      <h1 id="bai-viet-tieu-de">Bài viết</h1>
      <p>
        <a className={styles.newArticle} href={NEW_ARTICLE_PATH}>
          Viết bài mới
        </a>
      </p>
      <section aria-labelledby="bai-cua-toi">
        <h2 id="bai-cua-toi">Bài của tôi</h2>
        {mine.length ? <ArticleTable caption="Bài của tôi, mới sửa nhất trước" articles={mine} /> : <p>Bạn chưa viết bài nào.</p>}
      </section>
      <section aria-labelledby="tat-ca-bai-viet">
        <h2 id="tat-ca-bai-viet">Tất cả bài viết</h2>
        <ArticleFilters values={filters} categories={categories} />
        {list.total ? (
          <ArticleTable
            caption={`Tất cả bài viết${filtered ? ' khớp bộ lọc' : ''}: ${count(list.total)} bài, mới sửa nhất trước (trang ${list.page}/${list.pageCount})`}
            articles={list.items}
          />
        ) : (
          <p role="status">{filtered ? 'Không có bài viết nào khớp bộ lọc.' : 'Chưa có bài viết nào.'}</p>
        )}
        <Pagination page={list.page} pageCount={list.pageCount} pathFor={(page) => articleListHref(filters, page)} />
      </section>
    </section>
  );
}
