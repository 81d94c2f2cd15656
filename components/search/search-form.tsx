import './search.css';

/** The site search: a plain GET form, so it works with JavaScript off. */
export function SearchForm({ defaultValue = '', id = 'tim-kiem-dau-trang' }: { defaultValue?: string; id?: string }) {
  return (
    <form role="search" action="/tim-kiem" method="get" className="search-form">
      <label htmlFor={id} className="visually-hidden">
        Tìm kiếm tin bài
      </label>
      <input id={id} type="search" name="q" defaultValue={defaultValue} placeholder="Tìm kiếm tin bài…" autoComplete="off" enterKeyHint="search" />
      <button type="submit">Tìm</button>
    </form>
  );
}
