import { serializeJsonLd } from '@/lib/seo/json-ld';

/** Structured data for crawlers. The JSON is escaped by serializeJsonLd, so stored text cannot break out. */
export function JsonLd({ data }: { data: object }) {
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: serializeJsonLd(data) }} />;
}
