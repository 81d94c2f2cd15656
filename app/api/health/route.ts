import { checkDatabase } from '@/db/queries/health';
import { json } from '@/lib/api-response';
import { storageErrorCode } from '@/lib/storage-errors';

export const dynamic = 'force-dynamic';

/**
 * Health (also at /healthz, next.config.js): 200 {"status":"ok"} after one cheap database read, 503
 * {"status":"error"} when it fails. A database opened read-only still serves every page, so it is healthy:
 * 200 {"status":"ok","writable":false}. Never cached, counts nothing, writes nothing.
 */
export async function GET() {
  try {
    const { writable } = await checkDatabase();
    return json(writable ? { status: 'ok' } : { status: 'ok', writable: false });
  } catch (error) {
    const code = storageErrorCode(error) ?? (error as { code?: string } | null)?.code ?? 'unknown';
    console.error(`[health] database read failed (${code}): ${error instanceof Error ? error.message : String(error)}`);
    return json({ status: 'error', error: 'database unavailable', code }, 503, { 'Retry-After': '10' });
  }
}

export async function HEAD() {
  const response = await GET();
  return new Response(null, { status: response.status, headers: response.headers });
}
