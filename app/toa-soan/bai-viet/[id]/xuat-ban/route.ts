import { parseId } from '@/lib/ids';
import { seeOther } from '@/lib/newsroom-responses';
import { ARTICLES_PATH, editArticlePath } from '@/lib/newsroom-editor-paths';
import { handleEditorSave } from '../../editor-request';

// "Xuất bản" (publish now) and "Cập nhật bài đã xuất bản": lanh-dao only, checked in saveFromEditor.
export async function POST(request: Request, { params }: RouteContext<'/toa-soan/bai-viet/[id]/xuat-ban'>): Promise<Response> {
  return handleEditorSave(request, { id: (await params).id, publish: true });
}

/** A browser that opens the address: the article's editor. */
export async function GET(_request: Request, { params }: RouteContext<'/toa-soan/bai-viet/[id]/xuat-ban'>): Promise<Response> {
  const id = parseId((await params).id);
  return seeOther(id === null ? ARTICLES_PATH : editArticlePath(id));
}
