import { json, methodNotAllowed } from '@/lib/api-response';

export const dynamic = 'force-dynamic';

/**
 * Liveness without touching the database. Also the baseline of `npm run bench:views`: POST here is the same
 * method as the view counter with no database work, so the ratio between them is the cost of counting.
 */
export function GET() {
  return json({ ok: true });
}

export const POST = GET;
export const PUT = methodNotAllowed('GET, POST');
export const PATCH = methodNotAllowed('GET, POST');
export const DELETE = methodNotAllowed('GET, POST');
