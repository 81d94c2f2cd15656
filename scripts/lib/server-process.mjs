// How the production server process is started everywhere: `npm start`, the benchmarks and the tests.
//
// `--max-old-space-size=256`: with V8's default limit (a share of the machine's memory: gigabytes here) the heap
// grows under load long before it is collected; with a limit it is collected sooner at no cost in throughput.
// Measured on this machine (2026-11-26), 60 s of article, category and view-POST load: 310 MB resident after
// without the flag, 170 MB with it, the same requests per second. Next's two in-memory caches are bounded well
// below it (`cacheMaxMemorySize` in next.config.js).
export const SERVER_ARGS = ['--max-old-space-size=256', 'server.mjs'];
