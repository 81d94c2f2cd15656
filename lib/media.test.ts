import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cropName, cropSize, limitSrcSet, MEDIA_NAME, storedMediaName } from '@/lib/media';
import { slugify } from '@/lib/vietnamese';

test('stored names are slugged, content-addressed and keep a normalised extension', () => {
  const name = storedMediaName('Ảnh Hội nghị.JPEG', '3f2a9c01be77aa', slugify);
  assert.equal(name, 'anh-hoi-nghi-3f2a9c01be.jpg');
  assert.match(name, MEDIA_NAME);
  assert.equal(storedMediaName('a60431-1.jpg', 'abcdef0123456', slugify), 'a60431-1-abcdef0123.jpg');
});

test('crops are JPEGs named after the stored image and the variant', () => {
  assert.equal(cropName('a60431-1-abcdef0123.jpg', 'og'), 'crops/a60431-1-abcdef0123-og.jpg');
  assert.equal(cropName('x-1.png', '1x1'), 'crops/x-1-1x1.jpg');
});

test('the share crop is always 1200x630', () => {
  assert.deepEqual(cropSize('og', { width: 800, height: 600 }), { width: 1200, height: 630 });
});

test('structured-data crops are 1200 px wide with their aspect when the source allows', () => {
  const big = { width: 1600, height: 1067 };
  assert.deepEqual(cropSize('16x9', big), { width: 1200, height: 675 });
  assert.deepEqual(cropSize('4x3', big), { width: 1200, height: 900 });
  assert.deepEqual(cropSize('1x1', big), { width: 1067, height: 1067 });
});

test('a small source is never upscaled for structured data', () => {
  assert.deepEqual(cropSize('16x9', { width: 1024, height: 768 }), { width: 1024, height: 576 });
  assert.deepEqual(cropSize('1x1', { width: 900, height: 1200 }), { width: 900, height: 900 });
});

const srcSet = [160, 320, 640, 1280].map((w) => `/_next/image?url=%2Fmedia%2Fa.jpg&w=${w}&q=75 ${w}w`).join(', ');

test('limitSrcSet keeps the candidates up to the widest a layout can use, and the widest kept becomes src', () => {
  assert.deepEqual(limitSrcSet(srcSet, 700), {
    srcSet: [160, 320, 640].map((w) => `/_next/image?url=%2Fmedia%2Fa.jpg&w=${w}&q=75 ${w}w`).join(', '),
    src: '/_next/image?url=%2Fmedia%2Fa.jpg&w=640&q=75',
  });
});

test('limitSrcSet always keeps the narrowest candidate, and leaves a srcset it cannot read alone', () => {
  assert.equal(limitSrcSet(srcSet, 100)?.srcSet, '/_next/image?url=%2Fmedia%2Fa.jpg&w=160&q=75 160w');
  assert.equal(limitSrcSet('/a.jpg 1x, /b.jpg 2x', 700), null);
});
