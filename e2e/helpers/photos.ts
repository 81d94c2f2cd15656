import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from '@playwright/test';
import sharp, { type Metadata } from 'sharp';

// Photos for the newsroom's upload tests, made as a phone or a camera would write them, and the check that what the
// site serves carries none of what they carried besides pixels.

/** Where a phone put Thái Bình: EXIF GPS tags, and an XMP copy whose tag names are plain text in the file. */
const GPS_EXIF = { IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '20/1 26/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '106/1 20/1 0/1' } };
const GPS_XMP =
  '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">' +
  '<rdf:Description xmlns:exif="http://ns.adobe.com/exif/1.0/" exif:GPSLatitude="20,26.0N" exif:GPSLongitude="106,20.0E"/>' +
  '</rdf:RDF></x:xmpmeta>';

/**
 * A `width` x `height` JPEG taken with the phone held sideways (EXIF orientation 6: shown upright, it is `height`
 * wide), with its GPS position in EXIF and XMP.
 */
export async function sidewaysPhoneJpeg(width = 800, height = 600): Promise<Buffer> {
  const photo = await sharp({ create: { width, height, channels: 3, background: { r: 60, g: 140, b: 90 } } })
    .jpeg({ quality: 90 })
    .withExif(GPS_EXIF)
    .withXmp(GPS_XMP)
    .withMetadata({ orientation: 6 })
    .toBuffer();
  const meta = await sharp(photo).metadata();
  expect(meta.orientation, 'the test photo is sideways').toBe(6);
  expect(meta.exif && meta.xmp && photo.includes('GPSLatitude'), 'the test photo carries its position').toBeTruthy();
  return photo;
}

/** A 50-megapixel PNG of one colour (a few hundred kilobytes), made once and kept in the temporary directory. */
export async function fiftyMegapixelPng(): Promise<Buffer> {
  const file = path.join(os.tmpdir(), 'portal-e2e-50mp.png');
  if (!fs.existsSync(file)) {
    const tmp = `${file}.${process.pid}.tmp`;
    await sharp({ create: { width: 8000, height: 6250, channels: 3, background: '#336699' }, limitInputPixels: false }).png().toFile(tmp);
    fs.renameSync(tmp, file);
  }
  return fs.readFileSync(file);
}

/** The served photo has no EXIF, XMP, IPTC or comments, and no GPS tag written out in it. Returns its metadata. */
export async function expectNoMetadata(bytes: Buffer, what: string): Promise<Metadata> {
  const meta = await sharp(bytes).metadata();
  for (const field of ['exif', 'xmp', 'iptc', 'comments'] as const) expect(meta[field], `${field} in ${what}`).toBeUndefined();
  expect(bytes.includes('GPSLatitude'), `GPS in ${what}`).toBe(false);
  expect(bytes.includes('Exif\0\0'), `an EXIF block in ${what}`).toBe(false);
  return meta;
}
