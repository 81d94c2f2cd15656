// npm run build: `next build`, then the stamp that tells `npm start` this build is of the current sources, so
// that `npm run build && npm start` builds once. Waits for a build already running in this checkout.
import { buildIfChanged } from './lib/build.mjs';

process.env.NEXT_TELEMETRY_DISABLED ??= '1';
buildIfChanged({ force: true });
