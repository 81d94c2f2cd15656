import { seeOther } from '@/lib/newsroom-responses';
import { ARTICLES_PATH } from '@/lib/newsroom-editor-paths';
import { handleEditorSave } from './editor-request';

// A new article's first save (the editor then saves to /toa-soan/bai-viet/<id>/luu).
export function POST(request: Request): Promise<Response> {
  return handleEditorSave(request, { id: null, publish: false });
}

/** A browser that opens the address: the article list. */
export function GET(): Response {
  return seeOther(ARTICLES_PATH);
}
