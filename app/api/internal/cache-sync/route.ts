import { revalidatePath, revalidateTag } from 'next/cache';
import { CACHE_SYNC_TOKEN_HEADER } from '@/config/cache-sync.mjs';
import { latestInvalidationId, listInvalidationsAfter } from '@/db/queries/cache-invalidations';
import { getEnv } from '@/env';
import { json, jsonError } from '@/lib/api-response';
import { secretsMatch } from '@/lib/secrets';

export const dynamic = 'force-dynamic';

// Called by server.mjs over loopback (CACHE_SYNC_PATH), once when the process starts and then every 250 ms, with
// a token only that process knows. It brings this process's cache up to date with the content changes recorded
// in the database (by the import command or any other process): docs/decisions/0008-caching.md. A route rather
// than a timer inside the app because revalidateTag works only within a request (decision 0019).

// The newest change this process has applied; null until the first call.
let applied: number | null = null;

function authorised(request: Request): boolean {
  return secretsMatch(request.headers.get(CACHE_SYNC_TOKEN_HEADER), getEnv().PORTAL_CACHE_SYNC_TOKEN);
}

const notFound = () => jsonError(404, 'Không tìm thấy.');

export async function POST(request: Request) {
  if (!authorised(request)) return notFound();
  const latest = await latestInvalidationId();
  if (applied === null || latest < applied) {
    // First call (or the database was replaced): whatever the cache holds was rendered before this process
    // started (the build's copy, the disk cache of a previous run), so none of it can be trusted.
    revalidatePath('/', 'layout');
    applied = latest;
    return json({ applied, expired: 'all' });
  }
  const changes = await listInvalidationsAfter(applied);
  const tags = new Set(changes.flatMap((change) => change.tags));
  for (const tag of tags) revalidateTag(tag, { expire: 0 });
  applied = changes.at(-1)?.id ?? applied;
  return json({ applied, expired: [...tags] });
}

// To anyone else the route does not exist, whatever the method.
export { notFound as GET, notFound as PUT, notFound as PATCH, notFound as DELETE, notFound as OPTIONS };
