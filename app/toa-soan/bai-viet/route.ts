import { handleEditorSave } from './editor-request';

// A new article's first save (the editor then saves to /toa-soan/bai-viet/<id>/luu).
export function POST(request: Request): Promise<Response> {
  return handleEditorSave(request, { id: null, publish: false });
}
