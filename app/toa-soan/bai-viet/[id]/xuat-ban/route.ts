import { handleEditorSave } from '../../editor-request';

// "Xuất bản" (publish now) and "Cập nhật bài đã xuất bản": lanh-dao only, checked in saveFromEditor.
export async function POST(request: Request, { params }: RouteContext<'/toa-soan/bai-viet/[id]/xuat-ban'>): Promise<Response> {
  return handleEditorSave(request, { id: (await params).id, publish: true });
}
