import { getImageProps } from 'next/image';
import { preload as preloadResource } from 'react-dom';
import { limitSrcSet } from '@/lib/media';

type Props = {
  src: string;
  width: number;
  height: number;
  alt: string;
  sizes: string;
  preload?: boolean;
  /**
   * The widest file a reader can need (the largest width `sizes` allows, times a 3x screen). Next offers every
   * configured width whatever `sizes` says; a thumbnail does not need the 1600-pixel ones, and each candidate
   * costs about 90 bytes in the HTML and again in the page's React payload.
   */
  maxWidth?: number;
};


/**
 * A photo through Next's image optimiser (the same srcset, sizes and lazy loading as next/image), drawn as a
 * plain <img> by the server. next/image's <Image> is a client component and would put its code (about 6 KB
 * gzipped) into every page's JavaScript for nothing a reader sees: docs/decisions/0010-page-weight-budget.md.
 * Without its `color: transparent`, a photo that fails to load shows its alt text, with or without JavaScript.
 */
export function Photo({ src, width, height, alt, sizes, preload = false, maxWidth }: Props) {
  // The lead photo is the page's largest paint: fetched first, at high priority; the others load lazily.
  const { props } = getImageProps({ src, width, height, alt, sizes, preload, fetchPriority: preload ? 'high' : undefined });
  const limited = maxWidth && props.srcSet ? limitSrcSet(props.srcSet, maxWidth) : null;
  if (limited) Object.assign(props, limited);
  if (preload) {
    // What <Image preload> does: the browser fetches the right size before it reaches the <img>.
    preloadResource(props.src, { as: 'image', imageSrcSet: props.srcSet, imageSizes: props.sizes, fetchPriority: 'high' });
  }
  // eslint-disable-next-line @next/next/no-img-element -- this is next/image's own output, see above
  return <img {...props} style={undefined} alt={alt} />;
}
