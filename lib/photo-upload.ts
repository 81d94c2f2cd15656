// The newsroom's photo uploads (issue #17): the limits, the messages staff see, and what can be told from the
// bytes alone before any decoder sees them. Pure, shared by the upload route and db/import/upload.ts.

/** The largest upload body: 20 MiB. */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;
/** The most pixels a photo may have. A decoded 40 MP photo holds about 160 MB of memory. */
export const MAX_UPLOAD_PIXELS = 40_000_000;

export const UPLOAD_MESSAGES = {
  'too-large': 'Ảnh quá lớn: tối đa 20 MB',
  'not-an-image': 'Tệp không phải ảnh JPEG, PNG hay WebP',
  'too-many-pixels': 'Ảnh quá lớn: tối đa 40 megapixel',
  unreadable: 'Ảnh bị hỏng hoặc không đọc được',
} as const;
export type UploadProblem = keyof typeof UPLOAD_MESSAGES;

export type UploadFormat = 'jpeg' | 'png' | 'webp';

/**
 * The format the first bytes announce, or null. Only these three decoders are ever handed an upload: libvips
 * would otherwise try every loader it has (SVG, TIFF, HEIF, GIF ...) on whatever arrives.
 */
export function sniffImageFormat(bytes: Uint8Array): UploadFormat | null {
  const starts = (signature: number[], at = 0) => signature.every((byte, i) => bytes[at + i] === byte);
  if (starts([0xff, 0xd8, 0xff])) return 'jpeg';
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (starts([0x52, 0x49, 0x46, 0x46]) && starts([0x57, 0x45, 0x42, 0x50], 8)) return 'webp'; // RIFF....WEBP
  return null;
}

const EXTENSIONS: Record<UploadFormat, string> = { jpeg: 'jpg', png: 'png', webp: 'webp' };

/**
 * The file name the editor sends in its X-File-Name header, percent-encoded so that Vietnamese survives an HTTP
 * header; without any folder part. Empty when missing or malformed: the name only makes the stored name readable.
 */
export function fileNameFromHeader(value: string | null): string {
  try {
    return (decodeURIComponent(value ?? '').split(/[\\/]/).pop() ?? '').slice(0, 200);
  } catch {
    return '';
  }
}

/**
 * `name` with the extension of what the content is (a PNG sent as `anh.jpg` is stored as `anh.png`): /media/
 * serves each file with the type its extension says.
 */
export function withFormatExtension(name: string, format: UploadFormat): string {
  return `${name.replace(/\.[^.]*$/, '') || 'anh'}.${EXTENSIONS[format]}`;
}
