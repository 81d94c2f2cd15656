import { saveFromEditor } from '@/db/newsroom-articles';
import { getEnv } from '@/env';
import { editorSaveSchema } from '@/lib/editor-draft';
import { parseId } from '@/lib/ids';
import { canPublishArticles, canWriteArticles } from '@/lib/newsroom-permissions';
import { jsonAnswer, readJson } from '@/lib/newsroom-responses';
import { clientAddress } from '@/lib/rate-limit';
import { authorizeRequest } from '../access';

// The editor's three save targets (new article, draft save, publish) share this: the gate, the body (JSON, at most
// 2 MB: 500 blocks of text; photos are uploaded apart), the schema, the save, and the JSON answer.
const MAX_BODY_BYTES = 2 * 1024 * 1024;

export async function handleEditorSave(request: Request, { id, publish }: { id: string | null; publish: boolean }): Promise<Response> {
  const received = performance.now();
  const session = await authorizeRequest(request, publish ? canPublishArticles : canWriteArticles);
  if (session instanceof Response) return session;
  const articleId = id === null ? null : parseId(id);
  if (id !== null && articleId === null) return jsonAnswer(404, { error: 'Không có bài viết này.' });
  const parsed = editorSaveSchema.safeParse(await readJson(request, MAX_BODY_BYTES));
  if (!parsed.success) {
    return jsonAnswer(422, { error: 'Bài chưa lưu được.', problems: parsed.error.issues.map((i) => `${i.path.join('.') || 'bài'}: ${i.message}`) });
  }
  const started = performance.now();
  const result = await saveFromEditor({
    session,
    id: articleId,
    save: parsed.data,
    publish,
    address: clientAddress(request.headers.get('x-forwarded-for')),
    mediaDir: getEnv().mediaPath,
  });
  const response = result.ok
    ? jsonAnswer(result.created ? 201 : 200, result.answer)
    : jsonAnswer(result.status, { error: result.error, problems: result.problems, currentVersion: result.currentVersion });
  // The save's own time (saveFromEditor), and the handler's (with the gate and the body's reading and checking): what
  // `npm run bench:newsroom` reports, and what a browser's developer tools show next to the round trip. Only the
  // signed-in author's own saves carry them.
  const done = performance.now();
  response.headers.set('Server-Timing', `save;dur=${(done - started).toFixed(1)}, handler;dur=${(done - received).toFixed(1)}`);
  return response;
}
