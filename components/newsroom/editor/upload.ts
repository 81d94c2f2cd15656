import type { EditorImage } from '@/lib/editor-draft';
import { PHOTO_UPLOAD_PATH } from '@/lib/newsroom-editor-paths';

/** A photo uploaded to the media store, ready to be placed: its file and empty texts. */
export type UploadedPhoto = Pick<EditorImage, 'file'> & { width: number; height: number };

/**
 * Sends one file to the media store (the server checks its content, strips its metadata and answers its stored
 * name); throws an Error whose message is the server's Vietnamese reason when it is refused.
 */
export async function uploadPhoto(file: Blob, name: string): Promise<UploadedPhoto> {
  let response: Response;
  try {
    response = await fetch(PHOTO_UPLOAD_PATH, {
      method: 'POST',
      body: file,
      headers: { 'Content-Type': file.type || 'application/octet-stream', 'X-File-Name': encodeURIComponent(name) },
    });
  } catch {
    throw new Error(`Không tải được ảnh ${name}: mất kết nối.`);
  }
  const answer = (await response.json().catch(() => ({}))) as { file?: string; width?: number; height?: number; error?: string };
  if (!response.ok || !answer.file) throw new Error(`Ảnh ${name}: ${answer.error ?? `máy chủ trả lời ${response.status}`}`);
  return { file: answer.file, width: answer.width ?? 0, height: answer.height ?? 0 };
}

/** A base64 `data:` URL (an image pasted inside HTML) as a Blob to upload; decoded here, as the CSP lets fetch reach this site only. */
export function blobOfDataUrl(url: string): Blob {
  const [head = '', data = ''] = url.split(',', 2);
  const type = /^data:([^;,]+)/.exec(head)?.[1] ?? 'application/octet-stream';
  const binary = atob(data);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return new Blob([bytes], { type });
}
