import panel from '@/components/newsroom/newsroom.module.css';
import styles from '@/components/newsroom/newsroom-home.module.css';
import { ARTICLE_LIST_PATH, LIST_PARAMS, MAX_QUERY_LENGTH, STATUS_OPTIONS, statusParam, type ArticleStatus } from '@/lib/newsroom-articles';

export type ArticleFilterValues = { q: string; status?: ArticleStatus; categoryId?: number; authorText: string };

/**
 * The list's filters: a plain GET form (works without JavaScript; the URL keeps the filters, so a filtered list
 * can be bookmarked and its pages keep them). The author is typed as a name, with or without diacritics, and found
 * by its slug, as author pages are (/tac-gia/<slug>): a select of every byline author would be thousands long.
 */
export function ArticleFilters({ values, categories }: { values: ArticleFilterValues; categories: { id: number; name: string }[] }) {
  const filtered = Boolean(values.q || values.status || values.categoryId || values.authorText);
  return (
    <form method="get" action={ARTICLE_LIST_PATH} className={styles.filters} aria-label="Lọc bài viết">
      <div>
        <label htmlFor="loc-tieu-de">Tìm theo tiêu đề</label>
        <input id="loc-tieu-de" type="search" name={LIST_PARAMS.q} defaultValue={values.q} maxLength={MAX_QUERY_LENGTH} />
      </div>
      <div>
        <label htmlFor="loc-trang-thai">Trạng thái</label>
        <select id="loc-trang-thai" name={LIST_PARAMS.status} defaultValue={statusParam(values.status)}>
          <option value="">Tất cả</option>
          {STATUS_OPTIONS.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="loc-chuyen-muc">Chuyên mục</label>
        <select id="loc-chuyen-muc" name={LIST_PARAMS.categoryId} defaultValue={values.categoryId ? String(values.categoryId) : ''}>
          <option value="">Tất cả</option>
          {categories.map((category) => (
            <option key={category.id} value={String(category.id)}>
              {category.name}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="loc-tac-gia">Tác giả</label>
        <input id="loc-tac-gia" name={LIST_PARAMS.author} defaultValue={values.authorText} maxLength={MAX_QUERY_LENGTH} aria-describedby="loc-tac-gia-goi-y" />
        <span id="loc-tac-gia-goi-y" className={styles.hint}>
          Họ tên như trong dòng tác giả, có dấu hay không đều được.
        </span>
      </div>
      <div>
        <button className={panel.button} type="submit">
          Lọc
        </button>{' '}
        {filtered ? <a href={ARTICLE_LIST_PATH}>Bỏ lọc</a> : null}
      </div>
    </form>
  );
}
