// Where photos live and which crops exist: pure naming and geometry, shared by the importer (which makes
// the files) and the pages (which declare their sizes), so a declared size always matches the file.

export const CROP_VARIANTS = ['og', '16x9', '4x3', '1x1'] as const;
export type CropVariant = (typeof CROP_VARIANTS)[number];

const ASPECTS: Record<Exclude<CropVariant, 'og'>, number> = { '16x9': 16 / 9, '4x3': 4 / 3, '1x1': 1 };
const TARGET_WIDTH = 1200;

export const MEDIA_NAME = /^[a-z0-9][a-z0-9._-]*\.(jpg|png|webp)$/;

/** `Ảnh Hội nghị.JPEG` + content hash -> `anh-hoi-nghi-3f2a9c01be.jpg`: content-addressed, so cacheable forever. */
export function storedMediaName(originalName: string, contentHash: string, slugify: (s: string) => string): string {
  const ext = (originalName.match(/\.([a-z0-9]+)$/i)?.[1] ?? 'jpg').toLowerCase().replace('jpeg', 'jpg');
  const stem = slugify(originalName.replace(/\.[a-z0-9]+$/i, '')).slice(0, 80) || 'anh';
  return `${stem}-${contentHash.slice(0, 10)}.${ext}`;
}

/** The crop of a stored image, always a JPEG: `crops/<stem>-<variant>.jpg`. */
export function cropName(stored: string, variant: CropVariant): string {
  return `crops/${stored.replace(/\.[a-z0-9]+$/, '')}-${variant}.jpg`;
}

export function mediaUrl(name: string): string {
  return `/media/${name}`;
}

/**
 * The size of a crop of a `width` x `height` source. The share image is always 1200x630 (what Facebook and
 * Zalo show). The structured-data crops are 1200 px wide when the source allows, never upscaled.
 */
export function cropSize(variant: CropVariant, source: { width: number; height: number }): { width: number; height: number } {
  if (variant === 'og') return { width: 1200, height: 630 };
  const aspect = ASPECTS[variant];
  const widest = Math.min(source.width, Math.floor(source.height * aspect));
  const width = Math.min(TARGET_WIDTH, widest);
  return { width, height: Math.round(width / aspect) };
}

/** The `srcset` candidates up to `maxWidth` (at least the narrowest one), and the widest kept as `src`. */
export function limitSrcSet(srcSet: string, maxWidth: number): { srcSet: string; src: string } | null {
  const candidates = srcSet.split(', ').map((candidate) => {
    const [url = '', descriptor = ''] = candidate.split(' ');
    return { url, width: /^\d+w$/.test(descriptor) ? Number.parseInt(descriptor, 10) : NaN, candidate };
  });
  if (candidates.some((c) => !c.url || Number.isNaN(c.width))) return null;
  const kept = candidates.filter((c, i) => i === 0 || c.width <= maxWidth);
  return { srcSet: kept.map((c) => c.candidate).join(', '), src: kept.at(-1)!.url };
}
