import { createHash } from 'node:crypto';
import sharp, { type Sharp } from 'sharp';
import type { CheckedImage } from '@/db/import/media-store';
import { storedMediaName } from '@/lib/media';
import { MAX_UPLOAD_PIXELS, sniffImageFormat, UPLOAD_MESSAGES, withFormatExtension, type UploadFormat, type UploadProblem } from '@/lib/photo-upload';
import { slugify } from '@/lib/vietnamese';

// A photo uploaded in the newsroom's editor (issue #17), checked by its content and rewritten before anything is
// stored: what a camera or phone put in the file besides the pixels (EXIF with GPS position, camera serial, XMP,
// IPTC, comments, text chunks) never reaches the media store, hence never a reader. Imports (readImage) keep their
// files byte for byte; uploads come from anyone's phone.

/** An upload refused, with the message the editor shows (lib/photo-upload.ts). */
export class UploadRefused extends Error {
  constructor(readonly problem: UploadProblem) {
    super(UPLOAD_MESSAGES[problem]);
    this.name = 'UploadRefused';
  }
}

const QUALITY = 88;
const ENCODERS: Record<UploadFormat, (image: Sharp) => Sharp> = {
  jpeg: (image) => image.jpeg({ quality: QUALITY }),
  png: (image) => image.png(),
  webp: (image) => image.webp({ quality: QUALITY }),
};

/**
 * Checks that `bytes` are a JPEG, PNG or WebP photo of at most 40 megapixels, turns it upright by its EXIF
 * orientation and encodes it again in its own format without any metadata; names it by the bytes written
 * (`originalName` gives the readable part, the content its extension). Throws UploadRefused. Writes nothing.
 */
export async function processUpload(bytes: Buffer, originalName: string): Promise<CheckedImage> {
  const format = sniffImageFormat(bytes);
  if (!format) throw new UploadRefused('not-an-image');
  // The header alone, whatever size it declares (sharp's own limit would refuse 268 MP here as an error): a
  // decompression bomb (a few kilobytes declaring a gigapixel) is refused by the check below before any decoding.
  const meta = await sharp(bytes, { limitInputPixels: false }).metadata().catch(() => null);
  if (!meta?.width || !meta.height || meta.format !== format) throw new UploadRefused('unreadable');
  if (meta.width * meta.height > MAX_UPLOAD_PIXELS) throw new UploadRefused('too-many-pixels');
  // limitInputPixels again in the decoder, in case a file's header and its data disagree; failOn 'error' refuses
  // truncated and corrupt files but takes the harmless warnings many cameras' files raise. A 40 MP photo holds
  // about 160 MB while it is decoded: in the server, toBuffer() waits for one of IMAGE_ENCODERS places like
  // next/image's encodes (server/image-encoders.mjs), so ten photos dropped at once do not need ten times that.
  const decoder = sharp(bytes, { failOn: 'error', limitInputPixels: MAX_UPLOAD_PIXELS, autoOrient: true });
  const { data, info } = await ENCODERS[format](decoder)
    .toBuffer({ resolveWithObject: true })
    .catch((error: Error) => {
      throw new UploadRefused(/pixel limit/i.test(error.message) ? 'too-many-pixels' : 'unreadable');
    });
  const hash = createHash('sha256').update(data).digest('hex');
  return { file: storedMediaName(withFormatExtension(originalName, format), hash, slugify), width: info.width, height: info.height, bytes: data };
}
