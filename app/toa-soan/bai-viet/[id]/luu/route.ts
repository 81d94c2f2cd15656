import { handleEditorSave } from '../../editor-request';

// A draft's save (autosave, "Lưu nháp"), based on the version the editor opened or last saved.
export async function POST(request: Request, { params }: RouteContext<'/toa-soan/bai-viet/[id]/luu'>): Promise<Response> {
  return handleEditorSave(request, { id: (await params).id, publish: false });
}
