import { storeImage } from '@/db/import/media-store';
import { processUpload, UploadRefused } from '@/db/import/upload';
import { getEnv } from '@/env';
import { json } from '@/lib/api-response';
import { mediaUrl } from '@/lib/media';
import { NEWSROOM_PATH } from '@/lib/newsroom-http';
import { canWriteArticles } from '@/lib/newsroom-permissions';
import { seeOther } from '@/lib/newsroom-responses';
import { fileNameFromHeader, MAX_UPLOAD_BYTES, UPLOAD_MESSAGES, type UploadProblem } from '@/lib/photo-upload';
import { readBodyWithin } from '@/lib/request-body';
import { authorizeRequest } from '../access';

// Photo uploads from the article editor (issue #17; docs/decisions/0029-article-editor.md, "Photo uploads"). The
// body is the file itself, as the browser's fetch sends a File; its name comes percent-encoded in X-File-Name.
// The photo is checked and rewritten without metadata (db/import/upload.ts), then stored in the media store under
// its content-addressed name; the editor puts that name in the article it saves.

const PRIVATE = { 'Cache-Control': 'private, no-store' };
const STATUS: Record<UploadProblem, number> = { 'too-large': 413, 'not-an-image': 415, 'too-many-pixels': 422, unreadable: 422 };
const refused = (problem: UploadProblem) => json({ error: UPLOAD_MESSAGES[problem] }, STATUS[problem], PRIVATE);

export async function POST(request: Request) {
  const session = await authorizeRequest(request, canWriteArticles);
  if (session instanceof Response) return session;
  // A declared size over the limit is answered before a byte of the body is read; a chunked body (or one
  // longer than declared) is read only up to the limit.
  if (Number(request.headers.get('content-length') ?? 0) > MAX_UPLOAD_BYTES) return refused('too-large');
  const bytes = await readBodyWithin(request.body, MAX_UPLOAD_BYTES);
  if (bytes === 'too-large') return refused('too-large');
  try {
    const checked = await processUpload(bytes, fileNameFromHeader(request.headers.get('x-file-name')));
    const { file, width, height } = await storeImage(checked, getEnv().mediaPath);
    return json({ file, width, height, url: mediaUrl(file) }, 201, PRIVATE);
  } catch (error) {
    if (error instanceof UploadRefused) return refused(error.problem);
    throw error;
  }
}

/** Only the editor posts here; a typed URL goes to the newsroom. */
export async function GET(request: Request) {
  const session = await authorizeRequest(request, canWriteArticles);
  if (session instanceof Response) return session;
  return seeOther(NEWSROOM_PATH);
}
