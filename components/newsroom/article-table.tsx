import styles from '@/components/newsroom/newsroom-home.module.css';
import { DateTime } from '@/components/ui/date-time';
import { ARTICLE_STATUS_LABELS, articleEditPath, type NewsroomArticleRow } from '@/lib/newsroom-articles';

/** Articles of the newsroom's list, one row each: the title opens the editor; a published one links to its public page. */
export function ArticleTable({ caption, articles }: { caption: string; articles: NewsroomArticleRow[] }) {
  return (
    <table className={styles.table}>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Tiêu đề</th>
          <th scope="col">Trạng thái</th>
          <th scope="col">Chuyên mục</th>
          <th scope="col">Tác giả</th>
          <th scope="col">Sửa lần cuối</th>
          <th scope="col">Trang công khai</th>
        </tr>
      </thead>
      <tbody>
        {articles.map((article) => (
          <tr key={article.id}>
            <th scope="row">
              <a href={articleEditPath(article.id)}>{article.title}</a>
            </th>
            <td className={article.status === 'draft' ? styles.draft : undefined}>{ARTICLE_STATUS_LABELS[article.status]}</td>
            <td>{article.categoryName}</td>
            <td>{article.byline ?? <span className={styles.muted}>—</span>}</td>
            <td>
              <DateTime date={article.updatedAt} />
              {article.updatedByName ? <span className={styles.muted}> bởi {article.updatedByName}</span> : null}
            </td>
            <td>
              {article.publicPath ? (
                // The visible words start the accessible name (WCAG 2.5.3); the title tells the links apart.
                <a href={article.publicPath} aria-label={`Xem trên trang: ${article.title}`}>
                  Xem trên trang
                </a>
              ) : (
                <span className={styles.muted}>—</span>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
