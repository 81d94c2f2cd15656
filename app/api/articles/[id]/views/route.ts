import { isbot } from 'isbot';
import { getViewCount, recordView } from '@/db/queries/views';
import { getEnv } from '@/env';
import { bodyExceeds, json, jsonError, methodNotAllowed, storageUnavailable } from '@/lib/api-response';
import { parseId } from '@/lib/ids';
import { clientAddress, createRateLimiter } from '@/lib/rate-limit';
import { storageErrorCode } from '@/lib/storage-errors';

type Context = RouteContext<'/api/articles/[id]/views'>;

const MAX_BODY_BYTES = 1024;
const limiter = createRateLimiter({ limit: getEnv().VIEW_RATE_LIMIT });

async function articleIdOf(context: Context): Promise<number | Response> {
  const id = parseId((await context.params).id);
  return id === null ? jsonError(400, 'Mã bài viết không hợp lệ (phải là số nguyên dương).') : id;
}

const notFound = () => jsonError(404, 'Không tìm thấy bài viết.');

/**
 * Runs a database call; a database that cannot take it (read-only, disk full, locked, I/O error) makes the
 * answer a 503 with one log line instead of a 500.
 */
async function withStorage(what: string, run: () => Promise<number | null>): Promise<number | null | Response> {
  try {
    return await run();
  } catch (error) {
    const code = storageErrorCode(error);
    if (code === null) throw error;
    return storageUnavailable(what, code);
  }
}

export async function GET(_request: Request, context: Context) {
  const id = await articleIdOf(context);
  if (id instanceof Response) return id;
  const views = await withStorage(`GET /api/articles/${id}/views`, () => getViewCount(id));
  if (views instanceof Response) return views;
  return views === null ? notFound() : json({ id, views });
}

/**
 * Counts one view. Not counted (but answered 200 with the current count): bots and crawlers, and clients
 * over the per-minute limit. Nothing about the client is stored.
 */
export async function POST(request: Request, context: Context) {
  const id = await articleIdOf(context);
  if (id instanceof Response) return id;
  if (await bodyExceeds(request, MAX_BODY_BYTES)) return jsonError(413, 'Nội dung yêu cầu quá lớn.');

  const userAgent = request.headers.get('user-agent') ?? '';
  const countable =
    userAgent.trim() !== '' &&
    !isbot(userAgent) &&
    limiter.allow(clientAddress(request.headers.get('x-forwarded-for')));
  const views = await withStorage(`POST /api/articles/${id}/views`, () => (countable ? recordView(id) : getViewCount(id)));
  if (views instanceof Response) return views;
  return views === null ? notFound() : json({ id, views, counted: countable });
}

export const PUT = methodNotAllowed('GET, POST');
export const PATCH = methodNotAllowed('GET, POST');
export const DELETE = methodNotAllowed('GET, POST');
