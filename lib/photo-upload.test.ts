import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fileNameFromHeader, sniffImageFormat, withFormatExtension } from '@/lib/photo-upload';

const bytes = (...values: Array<number | string>) =>
  Buffer.concat(values.map((v) => (typeof v === 'string' ? Buffer.from(v, 'latin1') : Buffer.from([v]))));

test('the format is told by the first bytes, whatever the name', () => {
  assert.equal(sniffImageFormat(bytes(0xff, 0xd8, 0xff, 0xe0, 'JFIF')), 'jpeg');
  assert.equal(sniffImageFormat(bytes(0x89, 'PNG', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 'IHDR')), 'png');
  assert.equal(sniffImageFormat(bytes('RIFF', 0x24, 0, 0, 0, 'WEBPVP8 ')), 'webp');
  for (const other of [bytes('GIF89a'), bytes('<svg xmlns="http://www.w3.org/2000/svg">'), bytes('RIFF', 0, 0, 0, 0, 'WAVE'), bytes('II*', 0), bytes(0xff, 0xd8), bytes()]) {
    assert.equal(sniffImageFormat(other), null, other.toString('latin1'));
  }
});

test("the browser's file name is decoded, without folders; a malformed one is dropped", () => {
  assert.equal(fileNameFromHeader(encodeURIComponent('Ảnh Hội nghị.JPG')), 'Ảnh Hội nghị.JPG');
  assert.equal(fileNameFromHeader(encodeURIComponent('../../etc/passwd')), 'passwd');
  assert.equal(fileNameFromHeader('C%3A%5Canh%5Choi-nghi.png'), 'hoi-nghi.png');
  assert.equal(fileNameFromHeader('%E0%A4%A'), '');
  assert.equal(fileNameFromHeader(null), '');
});

test('the stored extension is the content\'s, never the name\'s', () => {
  assert.equal(withFormatExtension('Ảnh Hội nghị.JPG', 'png'), 'Ảnh Hội nghị.png');
  assert.equal(withFormatExtension('anh.tar.gz', 'jpeg'), 'anh.tar.jpg');
  assert.equal(withFormatExtension('chan-dung', 'webp'), 'chan-dung.webp');
  assert.equal(withFormatExtension('', 'jpeg'), 'anh.jpg');
  assert.equal(withFormatExtension('.jpg', 'jpeg'), 'anh.jpg');
});
