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
  const session = await authorizeRequest(request, publish ? canPublishArticles : canWriteArticles);
  if (session instanceof Response) return session;
  const articleId = id === null ? null : parseId(id);
  if (id !== null && articleId === null) return jsonAnswer(404, { error: 'Không có bài viết này.' });
  const parsed = editorSaveSchema.safeParse(await readJson(request, MAX_BODY_BYTES));
  if (!parsed.success) {
    return jsonAnswer(422, { error: 'Bài chưa lưu được.', problems: parsed.error.issues.map((i) => `${i.path.join('.') || 'bài'}: ${i.message}`) });
  }
  const result = await saveFromEditor({
    session,
    id: articleId,
    save: parsed.data,
    publish,
    address: clientAddress(request.headers.get('x-forwarded-for')),
    mediaDir: getEnv().mediaPath,
  });
  if (!result.ok) return jsonAnswer(result.status, { error: result.error, problems: result.problems, currentVersion: result.currentVersion });
  return jsonAnswer(result.created ? 201 : 200, result.answer);
}
