import localFont from 'next/font/local';

// Be Vietnam Pro, served from this site. Each subset file covers one character range, so each range is
// its own face (two families, used together: --font-latin then --font-vietnamese) and the browser only
// downloads what a page uses. `display: optional` and no preload: a face that is not there by the first paint
// (a first visit) is used from the next page on, instead of swapping in and moving text (CLS 0), and the fonts
// never hold up the page's largest paint (LCP); the system font until then is metric-matched.
export const fontLatin = localFont({
  src: [
    { path: './fonts/be-vietnam-pro-latin-400-normal.woff2', weight: '400', style: 'normal' },
    { path: './fonts/be-vietnam-pro-latin-700-normal.woff2', weight: '700', style: 'normal' },
  ],
  declarations: [
    {
      prop: 'unicode-range',
      value:
        'U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+0304,U+0308,U+0329,U+2000-206F,U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD',
    },
  ],
  display: 'optional',
  preload: false,
  variable: '--font-latin',
  // No fallback in this stack: a character outside the latin range must reach the Vietnamese face next,
  // not a local fallback font that covers everything (the fallback, metric-matched, ends the next stack).
  fallback: [],
  adjustFontFallback: false,
});

export const fontVietnamese = localFont({
  src: [
    { path: './fonts/be-vietnam-pro-vietnamese-400-normal.woff2', weight: '400', style: 'normal' },
    { path: './fonts/be-vietnam-pro-vietnamese-700-normal.woff2', weight: '700', style: 'normal' },
  ],
  declarations: [
    {
      prop: 'unicode-range',
      value:
        'U+0102-0103,U+0110-0111,U+0128-0129,U+0168-0169,U+01A0-01A1,U+01AF-01B0,U+0300-0301,U+0303-0304,U+0308-0309,U+0323,U+0329,U+1EA0-1EF9,U+20AB',
    },
  ],
  display: 'optional',
  preload: false,
  variable: '--font-vietnamese',
  fallback: ['system-ui', 'Arial', 'sans-serif'],
});
