import { ReaderControls } from '@/components/reader/reader-controls.client';
import { SearchForm } from '@/components/search/search-form';
import { siteConfig } from '@/config/site';
import { categoryPath } from '@/lib/urls';

type MenuCategory = { id: number; name: string };

/** The site's header; its category menu comes from the root layout, which loads it. */
export function SiteHeader({ categories }: { categories: MenuCategory[] }) {
  return (
    <header className="site-header">
      <div className="container site-header__bar">
        <a href="/" className="site-logo">
          {/* eslint-disable-next-line @next/next/no-img-element -- a tiny SVG needs no optimisation */}
          <img src={siteConfig.logo.src} width={siteConfig.logo.width} height={siteConfig.logo.height} alt="" />
          <span>
            <span className="site-logo__name">{siteConfig.name}</span>
            <span className="site-logo__full">{siteConfig.fullName}</span>
          </span>
        </a>
        <SearchForm />
        <div className="site-header__reader">
          <ReaderControls />
        </div>
      </div>
      {/* One list for every width: on phones it folds behind "Chuyên mục" (<details>, so it works without
          JavaScript); from 48rem up, globals.css hides the summary and always shows the list. */}
      <nav aria-label="Chuyên mục" className="category-nav">
        <details className="container category-nav__menu">
          <summary className="category-nav__toggle">Chuyên mục</summary>
          <ul className="category-nav__list">
            <li>
              <a href="/">Trang chủ</a>
            </li>
            {categories.map((category) => (
              <li key={category.id}>
                <a href={categoryPath(category.id)}>{category.name}</a>
              </li>
            ))}
          </ul>
        </details>
      </nav>
    </header>
  );
}
