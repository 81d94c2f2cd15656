// Draws the demo photos referenced by db/seed/articles/*.json into db/seed/media/ (only missing ones).
// Deterministic: the same file name always gives the same picture and size. Run: npx tsx scripts/generate-seed-images.ts
import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import sharp from 'sharp';

const SEED_DIR = path.join(process.cwd(), 'db', 'seed', 'articles');
const MEDIA_DIR = path.join(process.cwd(), 'db', 'seed', 'media');
const SIZES: Array<[number, number]> = [
  [1600, 1067],
  [1200, 800],
  [1280, 720],
  [1024, 768],
  [1440, 960],
  [900, 1200],
];
const PALETTES = [
  ['#1e5aa8', '#9cc3e6', '#c0392b', '#f4d03f'],
  ['#0b6e4f', '#a8d5ba', '#f6c667', '#8b5e34'],
  ['#6c3483', '#d2b4de', '#f1948a', '#fdebd0'],
  ['#154360', '#7fb3d5', '#e67e22', '#f9e79f'],
  ['#784212', '#f5cba7', '#27ae60', '#d6eaf8'],
];

function rng(seed: string) {
  let state = createHash('sha256').update(seed).digest().readUInt32LE(0) || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return ((state >>> 0) % 10_000) / 10_000;
  };
}

function scene(file: string, width: number, height: number): string {
  const random = rng(file);
  const [sky, light, accent, warm] = PALETTES[Math.floor(random() * PALETTES.length)]!;
  const horizon = height * (0.45 + random() * 0.2);
  const shapes: string[] = [];
  for (let i = 0; i < 14; i++) {
    const w = width * (0.05 + random() * 0.18);
    const h = height * (0.1 + random() * 0.35);
    const x = random() * (width - w);
    shapes.push(`<rect x="${x.toFixed(0)}" y="${(horizon - h).toFixed(0)}" width="${w.toFixed(0)}" height="${h.toFixed(0)}" fill="${i % 3 ? light : accent}" opacity="${(0.5 + random() * 0.5).toFixed(2)}"/>`);
  }
  for (let i = 0; i < 24; i++) {
    const r = height * (0.02 + random() * 0.03);
    const x = random() * width;
    const y = horizon + random() * (height - horizon - r * 3) + r;
    shapes.push(`<circle cx="${x.toFixed(0)}" cy="${y.toFixed(0)}" r="${r.toFixed(0)}" fill="${i % 2 ? warm : accent}"/>`);
    shapes.push(`<rect x="${(x - r).toFixed(0)}" y="${(y + r).toFixed(0)}" width="${(2 * r).toFixed(0)}" height="${(2.4 * r).toFixed(0)}" rx="${(r / 2).toFixed(0)}" fill="${sky}" opacity="0.85"/>`);
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
  <defs>
    <linearGradient id="sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${sky}"/><stop offset="1" stop-color="${light}"/></linearGradient>
    <linearGradient id="ground" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${warm}"/><stop offset="1" stop-color="${accent}"/></linearGradient>
  </defs>
  <rect width="${width}" height="${horizon.toFixed(0)}" fill="url(#sky)"/>
  <rect y="${horizon.toFixed(0)}" width="${width}" height="${(height - horizon).toFixed(0)}" fill="url(#ground)"/>
  ${shapes.join('\n  ')}
</svg>`;
}

function referencedFiles(): string[] {
  const files = new Set<string>();
  for (const name of fs.readdirSync(SEED_DIR).filter((n) => n.endsWith('.json'))) {
    const doc = JSON.parse(fs.readFileSync(path.join(SEED_DIR, name), 'utf8')) as { body?: Array<{ type: string; file?: string }> };
    for (const block of doc.body ?? []) if (block.type === 'image' && block.file) files.add(block.file);
  }
  return [...files].sort();
}

async function main() {
  fs.mkdirSync(MEDIA_DIR, { recursive: true });
  let made = 0;
  for (const file of referencedFiles()) {
    const target = path.join(MEDIA_DIR, file);
    if (fs.existsSync(target)) continue;
    const random = rng(`size:${file}`);
    const [width, height] = SIZES[Math.floor(random() * SIZES.length)]!;
    await sharp(Buffer.from(scene(file, width, height))).jpeg({ quality: 70, mozjpeg: true }).toFile(target);
    made++;
  }
  console.log(`${made} image(s) generated in ${path.relative(process.cwd(), MEDIA_DIR)}`);
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
