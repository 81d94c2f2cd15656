// The requests of e2e/fuzz.spec.ts: every route of app/ with valid and bad values in every position, and HTTP
// itself bent (methods, request lines, lengths, bodies, headers). Deterministic: the same seed gives the same
// requests, byte for byte.
import { mulberry32 } from '../../lib/random.mjs';

/** What the site holds that requests may name (read from the database the fuzzed server uses). */
export type KnownContent = {
  article: { id: number; categoryId: number; slug: string };
  articles: Array<{ id: number; categoryId: number; slug: string }>;
  categoryIds: number[];
  keywordSlugs: string[];
  mediaFiles: string[];
  /** The fuzzed server's own origin (SITE_URL's): the newsroom accepts form posts from it only. */
  siteOrigin: string;
};

export type FuzzRequest = {
  /** Route family, for the summary. */
  family: string;
  method: string;
  /** The request target exactly as sent (a Buffer for bytes that are not text). */
  target: string | Buffer;
  headers?: string[];
  body?: Buffer;
  /** `Content-Length` as sent; by default the body's length when there is a body. */
  contentLength?: string;
  /** The whole request, for requests that are not `<method> <target> HTTP/1.1` with the usual headers. */
  raw?: Buffer;
  /** The statuses this request must get, when it is fixed (Node's parser, server.mjs's own answers). */
  expect?: number[];
  /** Why, for requests with `expect`. */
  note?: string;
};


type Rng = ReturnType<typeof tools>;

function tools(random: () => number) {
  const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const chance = (p: number) => random() < p;
  /** Printable ASCII but `/`, `?` and `#` (which would change the URL's structure): what Node's parser lets through. */
  const asciiChar = () => {
    for (;;) {
      const c = String.fromCharCode(int(0x21, 0x7e));
      if (!'/?#'.includes(c)) return c;
    }
  };
  const ascii = (length: number) => Array.from({ length }, asciiChar).join('');
  /** Any code point (surrogate halves included), percent-encoded: how arbitrary text reaches a URL. */
  const unicode = (length: number) =>
    Array.from({ length }, () => {
      const cp = pick([() => int(0, 0x7f), () => int(0x80, 0x7ff), () => int(0x1ea0, 0x1ef9), () => int(0xd800, 0xdfff), () => int(0x10000, 0x10ffff)])();
      const ch = String.fromCodePoint(cp);
      return Buffer.from(ch)
        .toString('hex')
        .replace(/../g, '%$&')
        .toUpperCase();
    }).join('');
  /** Bytes that are not UTF-8 (or not only), percent-encoded. */
  const badBytes = (length: number) => Array.from({ length }, () => `%${int(0x80, 0xff).toString(16).toUpperCase()}`).join('');
  return { random, int, pick, chance, ascii, unicode, badBytes };
}

// Ids as an attacker or a broken link writes them, in every id position.
const BAD_IDS = [
  '0', '-1', '-0', '1.5', '1e3', '1E3', '%2B1', '%201', '1%20', '0x10', '0b1', '1.', '.1', '1e-3', '1.0',
  '99999999999999999999', '9007199254740993', '2147483648', '18446744073709551616', '-99999999999999999999',
  '0000000000000000000000000000001', 'NaN', 'Infinity', '-Infinity', 'abc', 'null', 'undefined', 'true',
  '%00', '1%00', '%2e%2e', '..', '.', '%C3%28', '%ZZ', '%', '%E2%82', '%C0%AF', '%ED%A0%80', '%FF',
  "1'", "1'%20OR%20'1'='1", '1%20OR%201=1', '1;DROP%20TABLE%20articles', '1%3BDROP%20TABLE%20articles--', '1)--',
  '%D9%A3', '%EF%BC%91', '%E2%81%B0', '%5B%5D', '%7B%7D', '1,2', '1;2', '1%2F2', '__proto__', 'constructor',
  '$%7B7*7%7D', '%7B%7B7*7%7D%7D', '%3Cscript%3E', 'rss.xml', 'trang', '1'.repeat(17), '9'.repeat(300),
];
const BAD_PAGES = ['0', '-1', '1.5', '1e1', 'abc', '', '%00', '99999999999999999999', '02', '1%20', '%ZZ', '1,2', 'x'.repeat(300), '%C3%28', "1'%20OR%201=1"];
// Search input: FTS5 syntax, SQL fragments, markup and oddities.
const QUERIES = [
  '"', '""', '"unterminated', '*', 'hoi*', '*hoi', 'NEAR(hoi nghi)', 'NEAR(a b, 2)', 'NEAR(', 'AND OR NOT', 'hoi AND',
  'OR', 'NOT hoi', '^hoi', 'hoi^', '(', ')', '((hoi)', 'hoi)', 'title:x', 'sapo:hoi', 'articles_fts:x', '{title sapo}:x',
  '-hoi', '+hoi', 'hoi - nghi', "' OR 1=1 --", "'; DROP TABLE articles; --", '1; SELECT * FROM sqlite_master',
  'UNION SELECT 1,2,3', '%', '_', '\\', '\\"', '<script>alert(1)</script>', '${7*7}', '{{7*7}}', '../../etc/passwd',
  'hội nghị', 'HỘI NGHỊ', 'Ðại hội', 'đồng chí', 'hoi   nghi', '   ', 'a', 'ab', '😀', 'e\u0301', '\u200b', '\ufeff',
];
const SQL_AND_FTS_SEGMENTS = ["'", "'%20OR%20'1'='1", '%22', '*', 'NEAR(', 'title:x', '%3B%20DROP%20TABLE%20articles', '--', '%25', '_', '(', ')'];
const BODY_SIZES = [0, 1, 10, 1023, 1024, 1025, 4096, 65_536, 1 << 20];
const METHODS_RARE = ['PUT', 'PATCH', 'DELETE', 'OPTIONS', 'TRACE', 'PROPFIND', 'MKCOL', 'SEARCH', 'QUERY', 'LOCK', 'REPORT', 'PURGE'];
const USER_AGENTS = [null, 'Mozilla/5.0 (X11; Linux x86_64) fuzz', 'Googlebot/2.1 (+http://www.google.com/bot.html)', '   ', 'x'.repeat(4000), 'Mozilla/5.0 \u00ff\u00fe'];
const IMAGE_WIDTHS = ['640', '1280', '96', '0', '-1', '1e3', 'abc', '99999', '640.5', '', '%00'];
const IMAGE_QUALITIES = ['75', '0', '101', '-1', 'abc', '1.5', '', '100'];

const encode = encodeURIComponent;

export function generateRequests(seed: number, known: KnownContent): FuzzRequest[] {
  const r = tools(mulberry32(seed));
  const requests: FuzzRequest[] = [];
  const add = (request: FuzzRequest) => requests.push(request);
  const times = (n: number, make: () => void) => Array.from({ length: n }, make);

  const family = {
    home: () => add({ family: 'home /', method: pageMethod(r), target: `/${r.chance(0.5) ? junkQuery(r) : ''}` }),
    category: () => {
      const id = idValue(r, known.categoryIds.map(String));
      const target = r.chance(0.25) ? `/news/${id}/trang/${pageValue(r)}` : `/news/${id}${r.chance(0.6) ? `?trang=${pageValue(r)}` : ''}`;
      add({ family: 'category /news/[c]', method: pageMethod(r), target });
    },
    article: () => {
      const a = r.pick(known.articles);
      const c = idValue(r, [String(a.categoryId), '0', String(r.pick(known.categoryIds))]);
      const id = idValue(r, [String(a.id), `0${a.id}`]);
      const slug = slugValue(r, [a.slug, a.slug.slice(0, 10), 'x']);
      const shape = r.int(0, 9);
      const target = shape === 0 ? `/news/${c}/${id}` : shape === 1 ? `/news/${c}/${id}/${slug}/${slugValue(r, ['x'])}` : `/news/${c}/${id}/${slug}`;
      add({ family: 'article /news/[c]/[a]/[slug]', method: pageMethod(r), target: r.chance(0.2) ? `${target}${junkQuery(r)}` : target });
    },
    feed: () => {
      const target = r.chance(0.8) ? `/news/${idValue(r, known.categoryIds.map(String))}/rss.xml` : `/rss.xml${junkQuery(r)}`;
      add({ family: 'feeds /rss.xml', method: pageMethod(r), target });
    },
    keyword: () => {
      const slug = slugValue(r, known.keywordSlugs);
      const target = r.chance(0.2) ? `/tu-khoa/${slug}/trang/${pageValue(r)}` : `/tu-khoa/${slug}${r.chance(0.4) ? `?trang=${pageValue(r)}` : ''}`;
      add({ family: 'keyword /tu-khoa/[slug]', method: pageMethod(r), target });
    },
    search: () => {
      const q = queryValue(r);
      const trang = r.chance(0.3) ? `&trang=${pageValue(r)}` : '';
      const shape = r.int(0, 9);
      const target = shape === 0 ? `/tim-kiem?q=${q}&q=${queryValue(r)}` : shape === 1 ? `/tim-kiem?q[]=${q}` : shape === 2 ? '/tim-kiem' : `/tim-kiem?q=${q}${trang}`;
      add({ family: 'search /tim-kiem', method: pageMethod(r), target });
    },
    views: () => {
      const published = known.articles.map((a) => String(a.id));
      const id = idValue(r, [...published, '99999', '59312']);
      const method = r.pick(['GET', 'POST', 'POST', 'POST', 'HEAD', ...METHODS_RARE]);
      // No view of a real article is counted: pages the fuzzed server renders go to the disk cache it shares with
      // the e2e server, and must show the same counts as that server's own.
      const ua = r.pick(published.includes(id) ? USER_AGENTS.filter((agent) => agent === null || /bot|^\s+$/.test(agent)) : USER_AGENTS);
      const headers = ua === null ? [] : [`User-Agent: ${ua}`];
      if (method !== 'POST' || r.chance(0.3)) return add({ family: 'views API', method, target: `/api/articles/${id}/views`, headers });
      const size = r.pick(BODY_SIZES);
      const body = Buffer.alloc(size, r.pick(['x', '{', '\u0000', '\u00ff']));
      if (r.chance(0.25)) {
        return add({ family: 'views API', method, target: `/api/articles/${id}/views`, headers: [...headers, 'Transfer-Encoding: chunked'], body: chunked(body, r) });
      }
      add({ family: 'views API', method, target: `/api/articles/${id}/views`, headers: [...headers, `Content-Type: ${r.pick(['application/json', 'text/plain', 'multipart/form-data; boundary=x', 'application/x-www-form-urlencoded'])}`], body });
    },
    ping: () => {
      const method = r.pick(['GET', 'POST', 'HEAD', ...METHODS_RARE]);
      const body = method === 'POST' && r.chance(0.5) ? Buffer.alloc(r.pick(BODY_SIZES), 'p') : undefined;
      add({ family: 'ping API', method, target: `/api/ping${r.chance(0.3) ? junkQuery(r) : ''}`, body });
    },
    cacheSync: () => {
      const token = r.pick(['', 'x', 'a'.repeat(48), '\u00e9'.repeat(48), `${'a'.repeat(47)}\u00e9`, 'a'.repeat(5000), '0'.repeat(47)]);
      const headers = r.chance(0.8) ? [`x-portal-sync-token: ${token}`] : [];
      add({ family: 'cache-sync API', method: r.pick(['POST', 'POST', 'GET', 'HEAD', ...METHODS_RARE]), target: '/api/internal/cache-sync', headers });
    },
    otherApi: () => {
      const target = r.pick([
        '/api', '/api/', '/api/x', '/api/articles', `/api/articles/${idValue(r, ['60431'])}`, `/api/articles/${idValue(r, ['60431'])}/views/x`,
        `/api/${r.ascii(r.int(1, 40))}`, `/api/${r.unicode(r.int(1, 10))}`, '/api/internal', '/api/internal/cache-sync/x', '/api/..%2f..%2fpackage.json',
      ]);
      add({ family: 'other /api paths', method: r.pick(['GET', 'POST', 'HEAD', ...METHODS_RARE]), target });
    },
    media: () => {
      const file = r.pick(known.mediaFiles);
      const target = r.pick([
        `/media/${file}`, `/media/crops/${file.replace(/\.\w+$/, '')}-og.jpg`, `/media/${slugValue(r, [file])}`, `/media/crops/${slugValue(r, [file])}`,
        '/media/..%2f..%2fpackage.json', '/media/%2e%2e/%2e%2e/package.json', '/media/..%5c..%5cpackage.json', '/media/crops/..%2F..%2F..%2Fetc%2Fpasswd',
        '/media/....//....//etc/passwd', `/media/a/b/c/${file}`, '/media/', '/media/%00.jpg', `/media/${file}%00.png`, `/media/${'a'.repeat(300)}.jpg`,
      ]);
      add({ family: 'media /media/[...path]', method: pageMethod(r), target, headers: r.chance(0.2) ? [`Range: ${r.pick(['bytes=0-10', 'bytes=abc', 'bytes=-1', 'bytes=99999999999-'])}`] : [] });
    },
    sitemaps: () => {
      const name = r.pick(['pages.xml', 'articles-1.xml', 'articles-0.xml', 'articles-999999.xml', 'articles-1e3.xml', 'articles--1.xml', `${r.ascii(r.int(1, 30))}.xml`, slugValue(r, ['pages.xml'])]);
      const target = r.pick([`/sitemaps/${name}`, `/sitemaps/${name}`, '/sitemap.xml', '/news-sitemap.xml', '/robots.txt', `/sitemap.xml${junkQuery(r)}`]);
      add({ family: 'sitemaps, robots', method: pageMethod(r), target });
    },
    image: () => {
      const file = r.pick(known.mediaFiles);
      const url = r.pick([
        `/media/${file}`, `/media/${file}`, '/media/nope.jpg', '/media/../../etc/passwd', '/api/ping', '/news/17', 'http://127.0.0.1:22/', 'https://example.com/a.jpg',
        '//example.com/a.jpg', '/_next/image?url=/media/x.jpg', 'javascript:alert(1)', 'data:image/png;base64,AAAA', '', '%ZZ', '/%00', `/media/${'a'.repeat(2000)}.jpg`,
      ]);
      const params = [`url=${r.chance(0.9) ? encode(url) : url}`, `w=${r.pick(IMAGE_WIDTHS)}`, `q=${r.pick(IMAGE_QUALITIES)}`].filter(() => r.chance(0.92));
      add({ family: 'images /_next/image', method: pageMethod(r), target: `/_next/image?${params.join('&')}`, headers: r.chance(0.3) ? [`Accept: ${r.pick(['image/avif', 'image/webp', '*/*', 'text/html', ''])}`] : [] });
    },
    nextFiles: () => {
      const target = r.pick([
        `/_next/static/chunks/${r.ascii(r.int(1, 30))}.js`, '/_next/static/..%2f..%2fpackage.json', '/_next/static/chunks/%ZZ', '/_next/data/x/index.json',
        `/_next/${r.ascii(r.int(1, 20))}`, '/_next/static/', '/_next/', '/_next/webpack-hmr', '/__nextjs_original-stack-frame', '/favicon.ico', '/logo-512.png',
      ]);
      add({ family: "Next's files /_next", method: pageMethod(r), target });
    },
    newsroom: () => {
      const target = r.pick([
        '/toa-soan', '/toa-soan/', '/toa-soan/dang-nhap', `/toa-soan/dang-nhap${junkQuery(r)}`, '/toa-soan/dang-nhap/gui', '/toa-soan/dang-nhap/gui',
        `/toa-soan/dang-nhap?loi=${r.pick(['sai-thong-tin', 'tam-khoa', 'vo-hieu', 'x', '%ZZ', '', '__proto__'])}&phut=${r.pick(['15', '-1', 'abc', '999', '', '%00'])}`,
        '/toa-soan/dang-xuat', '/toa-soan/doi-mat-khau', `/toa-soan/doi-mat-khau?loi=${r.pick(['pho-bien', 'constructor', '%3Cscript%3E'])}`, '/toa-soan/doi-mat-khau/gui',
        `/toa-soan/${r.ascii(r.int(1, 20)).replace(/[#?]/g, '')}`, '/toa-soan/..%2f..%2fpackage.json',
        '/toa-soan/xac-thuc', `/toa-soan/xac-thuc?loi=${r.pick(['sai-ma', 'tam-khoa', '__proto__'])}`, '/toa-soan/xac-thuc/gui', '/toa-soan/bao-mat',
        '/toa-soan/bao-mat/hai-lop', '/toa-soan/bao-mat/hai-lop/bat-dau', '/toa-soan/bao-mat/hai-lop/xac-nhan', '/toa-soan/bao-mat/ma-du-phong', '/toa-soan/bao-mat/tat',
        '/toa-soan/nguoi-dung', '/toa-soan/nguoi-dung/moi', '/toa-soan/nguoi-dung/moi/gui', `/toa-soan/nguoi-dung?thong-bao=${r.pick(['da-mo-khoa', '__proto__', '%ZZ'])}`,
        `/toa-soan/nguoi-dung/${r.pick(['an.nv', 'moi', 'AN.NV', '%2e%2e', r.ascii(r.int(1, 40)).replace(/[#?/]/g, '')])}/${r.pick(['vai-tro', 'dat-lai-mat-khau', 'vo-hieu-hoa', 'kich-hoat', 'mo-khoa', 'dat-lai-hai-lop', 'xoa'])}`,
        `/toa-soan/nhat-ky?trang=${r.pick(['2', '-1', '1e9', 'abc', ''])}&nguoi=${r.pick(['an.nv', '%', "'", '__proto__'])}&hanh-dong=${r.pick(['sign-in', 'x', 'constructor'])}`,
      ]);
      const method = r.pick(['GET', 'HEAD', 'POST', 'POST', 'POST', 'POST', ...METHODS_RARE]);
      const origin = r.pick([known.siteOrigin, known.siteOrigin, known.siteOrigin, 'null', 'https://evil.example', '', null]);
      const headers = origin === null ? [] : [`Origin: ${origin}`];
      if (method !== 'POST') return add({ family: 'newsroom /toa-soan', method, target, headers });
      const field = () => r.pick([() => r.ascii(r.int(0, 40)), () => r.unicode(r.int(0, 20)), () => 'x'.repeat(r.pick([29, 31, 128, 129, 5000])), () => r.pick(['an.nv', 'quantri', "a'--", '%00', '__proto__'])])();
      const form = new URLSearchParams();
      for (const name of ['username', 'password', 'current', 'next', 'confirmation', 'username', 'x']) if (r.chance(0.7)) form.append(name, field());
      const body = r.chance(0.15) ? Buffer.alloc(r.pick(BODY_SIZES), r.pick(['a', '=', '&', '%', '\u00ff'])) : Buffer.from(form.toString());
      const type = r.pick(['application/x-www-form-urlencoded', 'application/x-www-form-urlencoded', 'application/x-www-form-urlencoded; charset=utf-8', 'multipart/form-data; boundary=x', 'application/json', 'text/plain', null]);
      const all = [...headers, ...(type ? [`Content-Type: ${type}`] : [])];
      if (r.chance(0.15)) return add({ family: 'newsroom /toa-soan', method, target, headers: [...all, 'Transfer-Encoding: chunked'], body: chunked(body, r) });
      add({ family: 'newsroom /toa-soan', method, target, headers: all, body });
    },
    unmatched: () => {
      const segments = times(r.int(1, 6), () => r.pick([() => r.ascii(r.int(1, 20)), () => r.unicode(r.int(1, 8)), () => r.badBytes(r.int(1, 3)), () => r.pick(['..', '.', '%2e%2e', '', '%2f', '%5c'])])());
      const long = r.chance(0.08) ? `/${'a'.repeat(r.pick([1000, 4000, 8000, 15_000]))}` : '';
      add({ family: 'unmatched paths', method: pageMethod(r), target: long || `/${segments.join('/')}${r.chance(0.2) ? junkQuery(r) : ''}` });
    },
  };

  const weights: Array<[keyof typeof family, number]> = [
    ['home', 60], ['category', 200], ['article', 330], ['feed', 70], ['keyword', 200], ['search', 330], ['views', 260], ['ping', 60],
    ['cacheSync', 60], ['otherApi', 70], ['media', 110], ['sitemaps', 80], ['image', 120], ['nextFiles', 60], ['unmatched', 200],
    ['newsroom', 150],
  ];
  for (const [name, count] of weights) times(count, family[name]);
  requests.push(...validRequests(known));
  shuffle(requests, r);
  return [...requests, ...protocolRequests(known)];
}

/** Every route with what it serves, by GET and HEAD, so that each is reached with a valid request too. */
function validRequests(known: KnownContent): FuzzRequest[] {
  const { article } = known;
  const file = known.mediaFiles[0]!;
  const keyword = known.keywordSlugs[0]!;
  const targets: Array<[string, string]> = [
    ['home /', '/'],
    ['category /news/[c]', `/news/${article.categoryId}`],
    ['category /news/[c]', `/news/${article.categoryId}?trang=1`],
    ['category /news/[c]', `/news/${article.categoryId}/trang/1`],
    ['article /news/[c]/[a]/[slug]', `/news/${article.categoryId}/${article.id}/${article.slug}`],
    ['article /news/[c]/[a]/[slug]', `/news/${article.categoryId}/${article.id}`],
    ['article /news/[c]/[a]/[slug]', `/news/0/${article.id}/${article.slug}`],
    ['feeds /rss.xml', `/news/${article.categoryId}/rss.xml`],
    ['feeds /rss.xml', '/rss.xml'],
    ['keyword /tu-khoa/[slug]', `/tu-khoa/${keyword}`],
    ['keyword /tu-khoa/[slug]', `/tu-khoa/${keyword}?trang=1`],
    ['search /tim-kiem', '/tim-kiem?q=h%E1%BB%99i+ngh%E1%BB%8B'],
    ['search /tim-kiem', '/tim-kiem?q=hoi+nghi&trang=1'],
    ['views API', `/api/articles/${article.id}/views`],
    ['ping API', '/api/ping'],
    ['media /media/[...path]', `/media/${file}`],
    ['media /media/[...path]', `/media/crops/${file.replace(/\.\w+$/, '')}-og.jpg`],
    ['sitemaps, robots', '/sitemap.xml'],
    ['sitemaps, robots', '/news-sitemap.xml'],
    ['sitemaps, robots', '/robots.txt'],
    ['images /_next/image', `/_next/image?url=${encode(`/media/${file}`)}&w=640&q=75`],
    ["Next's files /_next", '/logo-512.png'],
    ['newsroom /toa-soan', '/toa-soan/dang-nhap'],
  ];
  return targets.flatMap(([family, target]) => ['GET', 'HEAD'].map((method) => ({ family, method, target })));
}

function pageMethod(r: Rng): string {
  return r.chance(0.8) ? 'GET' : r.chance(0.5) ? 'HEAD' : r.pick(['POST', ...METHODS_RARE]);
}

/** A valid value about half of the time, otherwise a bad id or random digits. */
function idValue(r: Rng, valid: string[]): string {
  if (r.chance(0.45)) return r.pick(valid);
  if (r.chance(0.6)) return r.pick(BAD_IDS);
  return r.pick([() => String(r.int(1, 99_999)), () => '9'.repeat(r.int(6, 40)), () => `-${r.int(1, 1e9)}`, () => `${r.int(1, 999)}.${r.int(0, 99)}`, () => r.ascii(r.int(1, 12))])();
}

function pageValue(r: Rng): string {
  return r.chance(0.4) ? r.pick(['1', '2', '3']) : r.pick(BAD_PAGES);
}

function slugValue(r: Rng, valid: string[]): string {
  if (r.chance(0.35)) return r.pick(valid);
  return r.pick([
    () => r.pick(SQL_AND_FTS_SEGMENTS),
    () => r.ascii(r.int(1, 60)),
    () => r.unicode(r.int(1, 20)),
    () => r.badBytes(r.int(1, 4)),
    () => encode(r.pick(QUERIES)),
    () => `${r.pick(valid)}${r.pick(['%00', '%C3%28', '%ZZ', '-', '.html', '%20'])}`,
    () => 'a'.repeat(r.pick([199, 200, 240, 241, 300, 2000])),
    () => '%C3%A1'.repeat(r.pick([80, 121, 400])),
  ])();
}

function queryValue(r: Rng): string {
  return r.pick([
    () => encode(r.pick(QUERIES)),
    // As a form sends it: spaces as +, the rest escaped only where a URL needs it.
    () => r.pick(QUERIES).replace(/[^\x21-\x7e]|[#&%+]/gu, (c) => (c === ' ' ? '+' : encode(c))),
    () => `${encode(r.pick(QUERIES))}+${encode(r.pick(QUERIES))}`,
    () => r.unicode(r.int(1, 60)),
    () => r.badBytes(r.int(1, 6)),
    () => `${r.ascii(r.int(1, 40)).replace(/[#&]/g, '')}`,
    () => `hoi+nghi+${'x'.repeat(r.pick([190, 210, 1000, 6000]))}`,
    () => encode('hội nghị '.repeat(r.int(20, 300))),
    () => Array.from({ length: r.int(1, 8) }, () => `%${r.int(0, 31).toString(16).padStart(2, '0')}`).join('a'),
  ])();
}

function junkQuery(r: Rng): string {
  return r.pick([
    () => `?${r.ascii(r.int(1, 40)).replace(/#/g, '')}`,
    () => `?_rsc=${r.ascii(5).replace(/[#&]/g, '')}`,
    () => `?trang=${pageValue(r)}`,
    () => `?a=${'b'.repeat(r.pick([1000, 8000]))}`,
    () => `?${'a=1&'.repeat(r.int(10, 1000))}`,
    () => `?q=${r.badBytes(3)}&x=%ZZ`,
    () => '?__proto__[x]=1&constructor[prototype][x]=1',
  ])();
}

function chunked(body: Buffer, r: Rng): Buffer {
  const parts: Buffer[] = [];
  for (let at = 0; at < body.length; ) {
    const size = Math.min(body.length - at, r.int(1, 4096));
    parts.push(Buffer.from(`${size.toString(16)}\r\n`), body.subarray(at, at + size), Buffer.from('\r\n'));
    at += size;
  }
  parts.push(Buffer.from('0\r\n\r\n'));
  return Buffer.concat(parts);
}

function shuffle<T>(items: T[], r: Rng) {
  for (let i = items.length - 1; i > 0; i--) {
    const j = r.int(0, i);
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
}

const line = (text: string) => Buffer.from(`${text}\r\n`, 'latin1');

/** Requests whose answer is fixed, most of them by Node's HTTP parser before any application code runs. */
function protocolRequests(known: KnownContent): FuzzRequest[] {
  const seed = `/news/${known.article.categoryId}/${known.article.id}/${known.article.slug}`;
  const req = (text: string) => Buffer.from(text, 'latin1');
  const get = (target: string | Buffer, ...headers: string[]) =>
    Buffer.concat([Buffer.from('GET '), Buffer.from(target as string, 'latin1'), Buffer.from(' HTTP/1.1\r\nHost: 127.0.0.1\r\n'), ...headers.map(line), Buffer.from('Connection: close\r\n\r\n')]);
  const post = (target: string, ...headers: string[]) => Buffer.concat([Buffer.from(`POST ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\n`), ...headers.map(line), Buffer.from('Connection: close\r\n\r\n')]);
  const node = 'Node’s HTTP parser';
  const rawTarget = (bytes: number[]) => Buffer.concat([Buffer.from('/news/'), Buffer.from(bytes)]);
  const p = (raw: Buffer, expect: number[], note: string, method = 'GET'): FuzzRequest => ({ family: 'HTTP protocol', method, target: '', raw, expect, note });
  return [
    p(req('get / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n'), [400], `${node}: a lowercase method`, 'get'),
    p(req('FOO / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n'), [400], `${node}: a method it does not know`, 'FOO'),
    p(req('CONNECT 127.0.0.1:22 HTTP/1.1\r\nHost: 127.0.0.1:22\r\n\r\n'), [405], 'server.mjs: CONNECT (this is no proxy)', 'CONNECT'),
    p(req('PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n'), [400], `${node}: the HTTP/2 connection preface`, 'PRI'),
    p(get(rawTarget([0x00])), [400], `${node}: a raw NUL byte in the target`),
    p(get(rawTarget([0xff, 0xfe])), [400], `${node}: raw non-ASCII bytes in the target`),
    p(get(rawTarget([0xc3, 0xa1])), [400], `${node}: raw UTF-8 in the target`),
    p(get('/news/a b'), [400], `${node}: a space in the target`),
    p(get(`/news/${'a'.repeat(65_536)}`), [431], `${node}: a 64 KiB target (request line and headers over 16 KiB)`),
    p(get(`/news/${'a'.repeat(8000)}`), [404], 'an 8 KB target reaches the site: 404 page'),
    p(get('/', `X-Big: ${'a'.repeat(20_000)}`), [431], `${node}: a 20 KB header`),
    p(get('/', ...Array.from({ length: 3000 }, (_, i) => `X-H${i}: 1`)), [431], `${node}: 3,000 headers (over 16 KiB)`),
    p(req('GET / HTTP/1.1\r\nConnection: close\r\n\r\n'), [400], `${node}: HTTP/1.1 without Host`),
    p(req('GET / HTTP/1.0\r\n\r\n'), [200], 'HTTP/1.0 without Host is the home page'),
    p(req('GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\nConnection: close\r\n\r\n'), [200], 'two Host headers: Node keeps the first'),
    p(get('/', 'X-Folded: a', ' b'), [400], `${node}: an obsolete folded header line`),
    p(get('/', 'X-Bad\u0001: 1'), [400], `${node}: a control character in a header name`),
    p(get('/', 'X-Bad: a\u0001b'), [400], `${node}: a control character in a header value`),
    p(get('/api/ping', 'User-Agent: \u00ff\u00fe\u00e9'), [200], 'non-ASCII bytes in a header value reach the app'),
    p(req('GET / HTTP/9.9\r\nHost: x\r\nConnection: close\r\n\r\n'), [400], `${node}: HTTP version 9.9`),
    p(post('/api/articles/60431/views', 'Content-Length: abc'), [400], `${node}: a Content-Length that is not a number`, 'POST'),
    p(post('/api/articles/60431/views', 'Content-Length: -1'), [400], `${node}: a negative Content-Length`, 'POST'),
    p(post('/api/articles/60431/views', 'Content-Length: 1.5'), [400], `${node}: a fractional Content-Length`, 'POST'),
    p(post('/api/articles/60431/views', 'Content-Length: 5', 'Content-Length: 6'), [400], `${node}: two different Content-Lengths`, 'POST'),
    p(post('/api/articles/60431/views', 'Content-Length: 99999999999999999999'), [400], `${node}: a Content-Length past 2^64`, 'POST'),
    p(post('/api/articles/60431/views', 'Content-Length: 5', 'Transfer-Encoding: chunked'), [400], `${node}: Content-Length with Transfer-Encoding (request smuggling)`, 'POST'),
    p(Buffer.concat([post('/api/articles/60431/views', 'Transfer-Encoding: chunked'), req('zz\r\nxx\r\n0\r\n\r\n')]), [400], `${node}: a chunk size that is not hex`, 'POST'),
    p(post('/api/articles/60431/views', 'Transfer-Encoding: gzip'), [400], `${node}: a Transfer-Encoding that does not end in chunked`, 'POST'),
    p(post('/api/articles/60431/views', 'Content-Length: 999999999'), [413], 'the view counter refuses a declared body over 1 KiB before reading it', 'POST'),
    p(Buffer.concat([post('/api/articles/60431/views', 'Content-Length: 100'), req('short')]), [200], 'a body shorter than declared is not waited for (the counter does not read it)', 'POST'),
    p(get('/', 'Expect: 100-continue'), [200], 'Expect: 100-continue is answered 100, then the page'),
    p(get('/', 'Expect: something'), [417], 'Node: an Expect it does not know (417)'),
    p(get(seed, 'Upgrade: websocket', 'Connection: Upgrade', 'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==', 'Sec-WebSocket-Version: 13'), [200], 'server.mjs: an Upgrade is ignored, the page is sent'),
    p(get('/api/ping', 'Upgrade: h2c', 'Connection: Upgrade, HTTP2-Settings', 'HTTP2-Settings: AAMAAABkAARAAAAAAAIAAAAA'), [200], 'server.mjs: an h2c Upgrade is ignored'),
    p(req(`GET http://evil.example${seed} HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n`), [200], 'server.mjs: the absolute form is served as its path (Next would redirect to the other host)'),
    p(req('GET evil.example/ HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n'), [400], 'server.mjs: a target that is neither a path nor an URL'),
    p(req('OPTIONS * HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n'), [204], 'server.mjs: OPTIONS * (Next would answer 500)', 'OPTIONS'),
    p(req('GET * HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n'), [400], 'server.mjs: * with another method', 'GET'),
    p(get(seed, 'Host: [::1'), [200], 'an invalid Host header'),
    p(get(seed, 'X-Forwarded-Host: [::1', 'X-Forwarded-Proto: gopher', 'X-Forwarded-For: not-an-ip, , ::ffff:zz'), [200], 'invalid forwarding headers'),
    p(get(seed, 'RSC: 1', 'Next-Router-State-Tree: garbage'), [307], 'a React payload request with a broken router tree (sent to its ?_rsc= URL)'),
    p(get(seed, 'RSC: 1', 'Next-Router-Prefetch: 1', 'Next-Router-Segment-Prefetch: /../../x'), [307], 'a segment prefetch of a bad segment'),
    p(get(seed, 'Next-Router-Prefetch: 1', 'Next-Router-Segment-Prefetch: /../../x'), [404], 'the same without RSC: Next answers 404 with no body (its router never sends this)'),
    p(get(seed, 'x-middleware-subrequest: middleware:middleware:middleware:middleware:middleware'), [200], 'the header of CVE-2025-29927 does nothing here'),
    p(get(seed, 'x-matched-path: /api/ping', 'x-invoke-path: /api/ping', 'x-now-route-matches: a=%%'), [200], 'Next’s internal routing headers from outside are ignored'),
    p(get(seed, 'x-prerender-revalidate: abc', 'Cookie: __prerender_bypass=x; __next_preview_data=y'), [200], 'preview and revalidation headers without the secret'),
    p(get(seed, 'If-None-Match: *'), [304], 'a conditional GET'),
    p(Buffer.concat([post(seed, 'Next-Action: abc', 'Content-Length: 2'), req('[]')]), [405], 'a server action call to a page: no page takes POST', 'POST'),
  ];
}

/** The bytes of a request. */
export function requestBytes(request: FuzzRequest, port: number): Buffer {
  if (request.raw) return request.raw;
  const head = [`${request.method} `, request.target, ` HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: close\r\n`];
  const headers = [...(request.headers ?? [])];
  const chunkedBody = headers.some((h) => /^transfer-encoding:/i.test(h));
  if (request.body && !chunkedBody) headers.push(`Content-Length: ${request.contentLength ?? request.body.length}`);
  return Buffer.concat([
    ...head.map((part) => (typeof part === 'string' ? Buffer.from(part, 'latin1') : part)),
    ...headers.map(line),
    Buffer.from('\r\n'),
    request.body ?? Buffer.alloc(0),
  ]);
}
