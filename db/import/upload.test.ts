import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { deflateSync } from 'node:zlib';
import sharp from 'sharp';
import { processUpload, UploadRefused } from '@/db/import/upload';
import { MEDIA_NAME } from '@/lib/media';

// Photos made here, as a phone or a camera would write them; what comes out is read back with sharp, as a reader's
// browser would see it.

const photo = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: { r: 40, g: 120, b: 200 } } });

/** The position of Thái Bình, as a phone's camera writes it: EXIF GPS tags and an XMP copy. */
const GPS_EXIF = { IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '20/1 26/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '106/1 20/1 0/1' } };
const GPS_XMP =
  '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">' +
  '<rdf:Description xmlns:exif="http://ns.adobe.com/exif/1.0/" exif:GPSLatitude="20,26.0N" exif:GPSLongitude="106,20.0E"/>' +
  '</rdf:RDF></x:xmpmeta>';

async function refusal(bytes: Buffer, name = 'anh.jpg'): Promise<string> {
  try {
    await processUpload(bytes, name);
  } catch (error) {
    assert.ok(error instanceof UploadRefused, String(error));
    return error.message;
  }
  assert.fail('the upload was accepted');
}

/** A 50-megapixel PNG of one colour (a few hundred kilobytes), made once and kept in the temporary directory. */
async function fiftyMegapixelPng(): Promise<Buffer> {
  const file = path.join(os.tmpdir(), 'portal-test-50mp.png');
  if (!fs.existsSync(file)) {
    const tmp = `${file}.${process.pid}.tmp`;
    await sharp({ create: { width: 8000, height: 6250, channels: 3, background: '#336699' }, limitInputPixels: false }).png().toFile(tmp);
    fs.renameSync(tmp, file);
  }
  return fs.readFileSync(file);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function pngChunk(type: string, data: Buffer): Buffer {
  let crc = 0xffffffff;
  for (const byte of Buffer.concat([Buffer.from(type, 'latin1'), data])) crc = CRC_TABLE[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  data.copy(out, 8);
  out.writeUInt32BE((crc ^ 0xffffffff) >>> 0, 8 + data.length);
  return out;
}
/** A PNG of 100,000 x 100,000 pixels (40 GB decoded) in a few hundred bytes: a decompression bomb's header. */
function bombPng(): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(100_000, 0);
  header.writeUInt32BE(100_000, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, pngChunk('IHDR', header), pngChunk('IDAT', deflateSync(Buffer.alloc(100_000))), pngChunk('IEND', Buffer.alloc(0))]);
}

test('a text file named .jpg is refused as not a photo', async () => {
  assert.equal(await refusal(Buffer.from('Biên bản cuộc họp ngày 3/12\n'), 'bien-ban.jpg'), 'Tệp không phải ảnh JPEG, PNG hay WebP');
});

test('an image in another format (GIF, SVG) is refused as not a JPEG, PNG or WebP', async () => {
  assert.equal(await refusal(await photo(40, 30).gif().toBuffer(), 'a.jpg'), 'Tệp không phải ảnh JPEG, PNG hay WebP');
  const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="40" height="30"><rect width="40" height="30"/></svg>');
  assert.equal(await refusal(svg, 'a.png'), 'Tệp không phải ảnh JPEG, PNG hay WebP');
});

test('a 50-megapixel PNG is refused for its pixels', async () => {
  assert.equal(await refusal(await fiftyMegapixelPng(), 'toan-canh.png'), 'Ảnh quá lớn: tối đa 40 megapixel');
});

test('a decompression bomb is refused by its header, before any decoding', async () => {
  // Decoded, it would need 30 GB, or fail on its made-up data with another message.
  assert.equal(await refusal(bombPng(), 'bom.png'), 'Ảnh quá lớn: tối đa 40 megapixel');
});

test('a truncated JPEG is refused as unreadable', async () => {
  const full = await sharp({ create: { width: 400, height: 300, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma: 40 } } }).jpeg().toBuffer();
  const cut = full.subarray(0, Math.floor(full.length * 0.6));
  assert.equal((await sharp(cut).metadata()).width, 400, 'the header is intact: only decoding finds the cut');
  assert.equal(await refusal(cut), 'Ảnh bị hỏng hoặc không đọc được');
});

test('a photo taken sideways (EXIF orientation 6) comes out upright, with no orientation left', async () => {
  const sideways = await photo(120, 80).jpeg().withMetadata({ orientation: 6 }).toBuffer();
  assert.equal((await sharp(sideways).metadata()).orientation, 6);
  const checked = await processUpload(sideways, 'chan-dung.jpg');
  assert.deepEqual([checked.width, checked.height], [80, 120]);
  const out = await sharp(checked.bytes).metadata();
  assert.deepEqual([out.format, out.width, out.height, out.orientation], ['jpeg', 80, 120, undefined]);
});

test('a JPEG with its GPS position in EXIF and XMP comes out with no metadata at all', async () => {
  const input = await photo(64, 48).jpeg().withExif(GPS_EXIF).withXmp(GPS_XMP).toBuffer();
  const before = await sharp(input).metadata();
  assert.ok(before.exif && before.xmp, 'the input carries EXIF and XMP');
  assert.ok(input.includes('GPSLatitude'));
  const checked = await processUpload(input, 'Hiện trường.jpg');
  const out = await sharp(checked.bytes).metadata();
  assert.equal(out.format, 'jpeg');
  for (const field of ['exif', 'xmp', 'iptc', 'comments'] as const) assert.equal(out[field], undefined, field);
  assert.equal(checked.bytes.includes('Exif\0\0'), false);
  assert.equal(checked.bytes.includes('GPS'), false);
  assert.equal(checked.bytes.includes('xmpmeta'), false);
});

test('a PNG with a text chunk comes out without it', async () => {
  const input = await photo(64, 48).png().toBuffer();
  const withText = Buffer.concat([
    input.subarray(0, 33), // signature and IHDR
    pngChunk('tEXt', Buffer.from('Comment\0Chup tai 20.4333N 106.3333E', 'latin1')),
    input.subarray(33),
  ]);
  assert.ok((await sharp(withText).metadata()).comments?.length, 'the input carries a text chunk');
  const checked = await processUpload(withText, 'so-do.png');
  const out = await sharp(checked.bytes).metadata();
  assert.equal(out.format, 'png');
  for (const field of ['exif', 'xmp', 'iptc', 'comments'] as const) assert.equal(out[field], undefined, field);
  assert.equal(checked.bytes.includes('tEXt'), false);
  assert.equal(checked.bytes.includes('106.3333E'), false);
});

test('a WebP photo is accepted and stays a WebP', async () => {
  const checked = await processUpload(await photo(300, 200).webp().withExif(GPS_EXIF).toBuffer(), 'Lễ hội.webp');
  const out = await sharp(checked.bytes).metadata();
  assert.deepEqual([out.format, out.width, out.height, out.exif], ['webp', 300, 200, undefined]);
  assert.match(checked.file, /^le-hoi-[0-9a-f]{10}\.webp$/);
});

test('the stored name comes from the written bytes, with the extension of the content, not of the name sent', async () => {
  const png = await photo(64, 48).png({ compressionLevel: 0 }).toBuffer();
  const checked = await processUpload(png, 'Ảnh Hội nghị.jpg');
  assert.match(checked.file, /^anh-hoi-nghi-[0-9a-f]{10}\.png$/);
  assert.match(checked.file, MEDIA_NAME);
  assert.ok(checked.file.includes(createHash('sha256').update(checked.bytes).digest('hex').slice(0, 10)));
  assert.equal((await processUpload(png, '')).file.startsWith('anh-'), true);
});
