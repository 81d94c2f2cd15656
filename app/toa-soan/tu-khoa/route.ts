import { getDb } from '@/db/client';
import { suggestKeywordNames } from '@/db/queries/editor-articles';
import { canWriteArticles } from '@/lib/newsroom-permissions';
import { jsonAnswer } from '@/lib/newsroom-responses';
import { authorizeRequest } from '../access';

// Keyword suggestions for the editor's Từ khóa field: ?q=thai binh -> names whose slug contains thai-binh.
export async function GET(request: Request): Promise<Response> {
  const session = await authorizeRequest(request, canWriteArticles);
  if (session instanceof Response) return session;
  const query = (new URL(request.url).searchParams.get('q') ?? '').slice(0, 100);
  return jsonAnswer(200, { names: await suggestKeywordNames(getDb(), query) });
}
