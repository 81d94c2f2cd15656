import { parseId } from '@/lib/ids';
import { seeOther } from '@/lib/newsroom-responses';
import { ARTICLES_PATH, editArticlePath } from '@/lib/newsroom-editor-paths';
import { handleEditorSave } from '../../editor-request';

// A draft's save (autosave, "Lưu nháp"), based on the version the editor opened or last saved.
export async function POST(request: Request, { params }: RouteContext<'/toa-soan/bai-viet/[id]/luu'>): Promise<Response> {
  return handleEditorSave(request, { id: (await params).id, publish: false });
}

/** A browser that opens the address: the article's editor. */
export async function GET(_request: Request, { params }: RouteContext<'/toa-soan/bai-viet/[id]/luu'>): Promise<Response> {
  const id = parseId((await params).id);
  return seeOther(id === null ? ARTICLES_PATH : editArticlePath(id));
}
