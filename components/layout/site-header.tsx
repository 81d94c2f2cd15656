import { ReaderControls } from '@/components/reader/reader-controls.client';
import { SearchForm } from '@/components/search/search-form';
import { siteConfig } from '@/config/site';
import { categoryPath } from '@/lib/urls';

type MenuCategory = { id: number; name: string };

// The header's three panels (search, reader controls, categories) are <details> of one group: on a phone their
// buttons sit in the bar and one panel at a time opens below it, with or without JavaScript; from 48rem up
// globals.css hides the buttons and shows every panel in place (docs/decisions/0022-phone-header-and-labels.md).
const PANELS = 'dau-trang';

function SearchIcon() {
  return (
    <svg className="header-toggle__icon" viewBox="0 0 24 24" width="24" height="24" aria-hidden="true">
      <circle cx="10.5" cy="10.5" r="6.5" fill="none" stroke="currentColor" strokeWidth="2.5" />
      <path d="m15.5 15.5 5.5 5.5" stroke="currentColor" strokeWidth="2.5" strokeLinecap="round" />
    </svg>
  );
}

function MenuIcon() {
  return (
    <svg className="header-toggle__icon" viewBox="0 0 24 24" width="24" height="24" aria-hidden="true">
      <path d="M3.5 6h17M3.5 12h17M3.5 18h17" stroke="currentColor" strokeWidth="2.5" strokeLinecap="round" />
    </svg>
  );
}

/** The site's header; its category menu comes from the root layout, which loads it. */
export function SiteHeader({ categories }: { categories: MenuCategory[] }) {
  return (
    <header className="site-header">
      <div className="container site-header__bar">
        <a href="/" className="site-logo">
          {/* eslint-disable-next-line @next/next/no-img-element -- a tiny SVG needs no optimisation */}
          <img src={siteConfig.logo.src} width={siteConfig.logo.width} height={siteConfig.logo.height} alt="" />
          <span>
            <span className="site-logo__name">{siteConfig.name}</span>{' '}
            <span className="site-logo__full">{siteConfig.fullName}</span>
          </span>
        </a>
        <details name={PANELS} className="header-panel header-panel--search">
          <summary className="header-toggle header-toggle--search">
            <SearchIcon />
            <span className="header-toggle__label">Tìm kiếm</span>
          </summary>
          <SearchForm />
        </details>
        {/* "Aa" is what a reader sees and says; the name goes on to say what it opens (WCAG 2.5.3). */}
        <details name={PANELS} className="header-panel site-header__reader">
          <summary className="header-toggle header-toggle--reader">
            Aa<span className="visually-hidden"> Cỡ chữ và tương phản</span>
          </summary>
          <ReaderControls />
        </details>
      </div>
      <nav aria-label="Chuyên mục" className="category-nav">
        <details name={PANELS} className="container category-nav__menu">
          <summary className="header-toggle header-toggle--menu">
            <MenuIcon />
            <span className="header-toggle__label">Chuyên mục</span>
          </summary>
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
