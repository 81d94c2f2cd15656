// @ts-check
// eslint-disable-next-line @typescript-eslint/no-require-imports -- this file is CommonJS, as Next loads it
const { CONTENT_SECURITY_POLICY } = require('./config/security-headers.js');

// `/news/17?trang=2`, `/tu-khoa/x?trang=2` and `/tac-gia/x?trang=2` are served by routes with the page number in
// the path, so every page of a listing is cached under its own path (pages that read the query string cannot be
// cached). Only digits go into the path, which Next's page cache also uses as a file name (a %00 or a value of 300
// characters would fail to be written, with an error in the log); any other value goes to page 0, a 404 like every
// page number that is not a whole number from 1 up.
const PAGE_QUERY = [{ type: /** @type {const} */ ('query'), key: 'trang', value: '(?<trang>\\d{1,16})' }];
const OTHER_PAGE_QUERY = [{ type: /** @type {const} */ ('query'), key: 'trang' }];

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // Pages are cached (ISR) for 5 minutes (`revalidate` in each page) and may then be served stale while they
  // are refreshed for at most this long. Content changes expire pages at once through cache tags. Next derives
  // `Cache-Control: s-maxage=300, stale-while-revalidate=3300` from these; server.mjs tells shared caches
  // (nginx, a CDN), which no tag reaches, seconds instead (server/shared-cache.mjs).
  expireTime: 3600,
  // Each of Next's two in-memory caches (rendered pages, "use cache" data) keeps at most this much; pages that
  // fall out are rendered again (isrFlushToDisk below). Sized to sit well inside the server's heap limit
  // (scripts/lib/server-process.mjs).
  cacheMaxMemorySize: 32 * 1024 * 1024,
  // Next's own cache for pages, plus a bounded disk store for photos encoded by next/image, which Next would
  // otherwise not keep at all with isrFlushToDisk off (server/cache-handler.mjs, docs/decisions/0016-image-cache.md).
  cacheHandler: require.resolve('./server/cache-handler.mjs'),
  experimental: {
    // Rendered pages stay in memory only (the bounded cache above), never in `.next/server/route-cache`: that
    // directory had no bound (every URL rendered, 404s included: 250 MiB in the 3-minute soak test), and app
    // processes sharing one `.next` would read each other's files while they are written. A page that falls out
    // of memory is rendered again (20-40 ms), as every page is after a restart anyway (server.mjs expires all).
    isrFlushToDisk: false,
    // "use cache" + cacheTag for the data each page shows, without Cache Components (which cannot cache a
    // page whose params are only known at request time without a database at build time): see
    // docs/decisions/0008-caching.md.
    useCache: true,
    // The photo encoder (sharp) keeps no operations from one photo to the next (libvips' cache would hold up to
    // 50 MB of them: every photo is asked for once, then served from the cache handler's store) and uses one
    // thread per photo whatever the machine (sharp's own default on glibc; MALLOC_ARENA_MAX, which npm start sets,
    // would otherwise raise it to half the cores). The bytes it writes are the same. See
    // docs/decisions/0023-image-encoder-memory.md; how many photos are encoded at once: server/image-encoders.mjs.
    imgOptOperationCache: false,
    imgOptConcurrency: 1,
    // forbidden() in newsroom pages: a 403 with app/toa-soan/forbidden.tsx (app/toa-soan/access.ts).
    authInterrupts: true,
    // The site has two root layouts, the public site's (app/(site)/layout.tsx) and the newsroom's, which has no
    // inline script of its own (docs/decisions/0028-newsroom-csp.md): a URL that matches no route gets
    // app/global-not-found.tsx, the public not-found page in its own document.
    globalNotFound: true,
  },
  async rewrites() {
    return {
      beforeFiles: [
        { source: '/news/:categoryId', has: PAGE_QUERY, destination: '/news/:categoryId/trang/:trang' },
        { source: '/news/:categoryId', has: OTHER_PAGE_QUERY, destination: '/news/:categoryId/trang/0' },
        { source: '/tu-khoa/:slug', has: PAGE_QUERY, destination: '/tu-khoa/:slug/trang/:trang' },
        { source: '/tu-khoa/:slug', has: OTHER_PAGE_QUERY, destination: '/tu-khoa/:slug/trang/0' },
        { source: '/tac-gia/:slug', has: PAGE_QUERY, destination: '/tac-gia/:slug/trang/:trang' },
        { source: '/tac-gia/:slug', has: OTHER_PAGE_QUERY, destination: '/tac-gia/:slug/trang/0' },
      ],
      // The health check under the name orchestrators and load balancers often expect.
      afterFiles: [{ source: '/healthz', destination: '/api/health' }],
    };
  },
  async headers() {
    return [{ source: '/api/:path*', headers: [{ key: 'Cache-Control', value: 'no-store' }] }];
  },
  images: {
    // Encoded photos go to the cache handler above (its disk store), not to Next's image cache.
    customCacheHandler: true,
    // The optimiser replaces the site's policy (server.mjs) with this one on photos: the same, sandboxed.
    contentSecurityPolicy: `${CONTENT_SECURITY_POLICY}; sandbox`,
    formats: ['image/avif', 'image/webp'],
    deviceSizes: [360, 480, 640, 768, 1024, 1280, 1600],
    imageSizes: [96, 160, 240, 320],
  },
};

module.exports = nextConfig;
