import fs from 'node:fs/promises';
import path from 'node:path';
import { getEnv } from '@/env';
import { MEDIA_NAME } from '@/lib/media';

const TYPES: Record<string, string> = { jpg: 'image/jpeg', png: 'image/png', webp: 'image/webp' };

/**
 * Photos and crops from the media store. Served by a route rather than from public/ because `next start`
 * only serves the public files that existed when it started, and photos arrive with imports. Names are
 * content-addressed, so a file never changes under its name and may be cached for a year.
 */
export async function GET(_request: Request, context: RouteContext<'/media/[...path]'>) {
  const segments = (await context.params).path;
  const name = segments.at(-1) ?? '';
  const valid = (segments.length === 1 || (segments.length === 2 && segments[0] === 'crops')) && MEDIA_NAME.test(name);
  if (!valid) return new Response('Không tìm thấy ảnh.', { status: 404 });
  try {
    const bytes = await fs.readFile(path.join(getEnv().mediaPath, ...segments));
    return new Response(bytes, {
      headers: {
        'Content-Type': TYPES[name.split('.').pop()!]!,
        'Content-Length': String(bytes.byteLength),
        'Cache-Control': 'public, max-age=31536000, immutable',
        'X-Content-Type-Options': 'nosniff',
      },
    });
  } catch {
    return new Response('Không tìm thấy ảnh.', { status: 404 });
  }
}
