// Draws the site's default share image (public/share-default.jpg, 1200x630) and a raster logo
// (public/logo-512.png) for structured data. Run once: npx tsx scripts/generate-brand-images.ts
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { siteConfig } from '@/config/site';

const PUBLIC = path.join(process.cwd(), 'public');
const logoSvg = fs.readFileSync(path.join(PUBLIC, 'logo.svg'), 'utf8');
const escapeXml = (s: string) => s.replace(/[<>&"]/g, (c) => `&#${c.charCodeAt(0)};`);

async function main() {
  await sharp(Buffer.from(logoSvg), { density: 800 }).resize(512, 512).png().toFile(path.join(PUBLIC, 'logo-512.png'));

  const share = `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="630">
  <defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#0b4f9c"/><stop offset="1" stop-color="#083a73"/></linearGradient></defs>
  <rect width="1200" height="630" fill="url(#g)"/>
  <g transform="translate(100 175) scale(5.5)">${logoSvg.replace(/<\/?svg[^>]*>/g, '')}</g>
  <text x="440" y="290" font-family="DejaVu Sans" font-weight="bold" font-size="76" fill="#fff">${escapeXml(siteConfig.name)}</text>
  <text x="440" y="360" font-family="DejaVu Sans" font-size="30" fill="#e8edf3">${escapeXml(siteConfig.fullName)}</text>
  <text x="440" y="420" font-family="DejaVu Sans" font-size="30" fill="#f5c518">${escapeXml(siteConfig.tagline)}</text>
</svg>`;
  await sharp(Buffer.from(share)).jpeg({ quality: 85 }).toFile(path.join(PUBLIC, 'share-default.jpg'));
  console.log('public/logo-512.png and public/share-default.jpg written');
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
