import { expect, test, type APIRequestContext, type APIResponse } from '@playwright/test';
import sharp from 'sharp';
import { createStaff, signInAs, uniqueUsername } from './helpers/newsroom';
import { expectNoMetadata, fiftyMegapixelPng, sidewaysPhoneJpeg } from './helpers/photos';
import { sendRaw } from './helpers/raw-http';
import { E2E_BASE_URL, E2E_PORT } from './helpers/servers';

// Photo uploads from the article editor (issue #17, POST /toa-soan/anh; docs/decisions/0029-article-editor.md).
// The editor sends each file as the body of a fetch, with its type and its percent-encoded name in headers; these
// tests send the same requests, signed in as a reporter through the sign-in form's target, and read what the
// site then serves to anyone.

const PASSWORD = 'Ảnh đẹp quê hương 2026';
const ORIGIN = new URL(E2E_BASE_URL).origin;
const UPLOAD = '/toa-soan/anh';
const MIB = 1024 * 1024;

/** This worker's phong-vien, made once with the staff command (one account for every test: uploads change no account). */
let reporter: string | undefined;
function workerReporter(): string {
  if (!reporter) {
    reporter = uniqueUsername('pv.anh');
    createStaff({ username: reporter, name: 'Đỗ Thị Ảnh', role: 'phong-vien', password: PASSWORD });
  }
  return reporter;
}

/** Signs the reporter in as a browser's form post would; the request context keeps the cookie, returned as a header value. */
async function signInReporter(request: APIRequestContext): Promise<string> {
  const signedIn = await request.post('/toa-soan/dang-nhap/gui', { form: { username: workerReporter(), password: PASSWORD }, headers: { origin: ORIGIN }, maxRedirects: 0 });
  expect(signedIn.headers()['location']).toBe('/toa-soan');
  const { cookies } = await request.storageState();
  const session = cookies.find((cookie) => cookie.name === 'toa-soan');
  expect(session).toBeDefined();
  return `toa-soan=${session!.value}`;
}

/** The editor's request for one file. */
function upload(request: APIRequestContext, body: Buffer, file: { name: string; type: string }, origin = ORIGIN): Promise<APIResponse> {
  return request.post(UPLOAD, {
    data: body,
    headers: { origin, 'content-type': file.type, 'x-file-name': encodeURIComponent(file.name) },
    maxRedirects: 0,
  });
}

async function expectRefused(response: APIResponse, status: number, message: string) {
  expect(response.status()).toBe(status);
  expect(response.headers()['cache-control']).toBe('private, no-store');
  expect(await response.json()).toEqual({ error: message });
}

test.describe('photo uploads', () => {
  // Each test sends megabytes and has photos encoded; the staff command makes accounts.
  test.describe.configure({ timeout: 60_000 });

  test('a sideways phone photo with its GPS position is stored upright, and nothing served of it has any metadata', async ({ request }) => {
    await signInReporter(request);
    const response = await upload(request, await sidewaysPhoneJpeg(800, 600), { name: 'Hiện trường vụ cháy.jpg', type: 'image/jpeg' });
    expect(response.status()).toBe(201);
    expect(response.headers()['cache-control']).toBe('private, no-store');
    const stored = await response.json();
    expect(stored).toEqual({ file: expect.stringMatching(/^hien-truong-vu-chay-[0-9a-f]{10}\.jpg$/), width: 600, height: 800, url: `/media/${stored.file}` });

    const photo = await request.get(stored.url);
    expect(photo.status()).toBe(200);
    expect(photo.headers()['content-type']).toBe('image/jpeg');
    const meta = await expectNoMetadata(await photo.body(), stored.url);
    expect([meta.format, meta.width, meta.height, meta.orientation]).toEqual(['jpeg', 600, 800, undefined]);

    // The sizes next/image makes for article pages, in each format it answers with.
    const formats: Array<[accept: string, format: string]> = [['image/avif,image/webp,*/*', 'heif'], ['image/webp,*/*', 'webp'], ['*/*', 'jpeg']];
    for (const [accept, format] of formats) {
      const variantUrl = `/_next/image?url=${encodeURIComponent(stored.url)}&w=480&q=75`;
      const variant = await request.get(variantUrl, { headers: { accept } });
      expect(variant.status(), `${variantUrl} (${accept})`).toBe(200);
      const variantMeta = await expectNoMetadata(await variant.body(), `${variantUrl} (${accept})`);
      expect([variantMeta.format, variantMeta.width, variantMeta.height]).toEqual([format, 480, 640]);
    }
  });

  test('WebP and PNG photos are accepted and keep their format, whatever their name says', async ({ request }) => {
    await signInReporter(request);
    const plain = sharp({ create: { width: 320, height: 200, channels: 3, background: '#c0392b' } });
    const webp = await upload(request, await plain.clone().webp().toBuffer(), { name: 'Lễ hội.webp', type: 'image/webp' });
    expect(webp.status()).toBe(201);
    expect((await webp.json()).file).toMatch(/^le-hoi-[0-9a-f]{10}\.webp$/);
    const png = await upload(request, await plain.clone().png().toBuffer(), { name: 'so-do.jpg', type: 'image/jpeg' });
    expect(png.status()).toBe(201);
    const { url } = await png.json();
    expect(url).toMatch(/^\/media\/so-do-[0-9a-f]{10}\.png$/);
    expect((await request.get(url)).headers()['content-type']).toBe('image/png');
  });

  test('a text file named .jpg, a 50-megapixel PNG and a 25 MB body are refused with a message', async ({ request }) => {
    await signInReporter(request);
    const fake = await upload(request, Buffer.from('Biên bản cuộc họp giao ban sáng thứ Hai\n'), { name: 'bien-ban.jpg', type: 'image/jpeg' });
    await expectRefused(fake, 415, 'Tệp không phải ảnh JPEG, PNG hay WebP');
    const huge = await upload(request, await fiftyMegapixelPng(), { name: 'toan-canh.png', type: 'image/png' });
    await expectRefused(huge, 422, 'Ảnh quá lớn: tối đa 40 megapixel');
    const heavy = await upload(request, Buffer.alloc(25 * 1_000_000, 0xff), { name: 'nang.jpg', type: 'image/jpeg' });
    await expectRefused(heavy, 413, 'Ảnh quá lớn: tối đa 20 MB');
  });

  test('an oversize body is answered 413 before it has all arrived', async ({ request }) => {
    const cookie = await signInReporter(request);
    const head = (framing: string) =>
      `POST ${UPLOAD} HTTP/1.1\r\nHost: ${new URL(E2E_BASE_URL).host}\r\nOrigin: ${ORIGIN}\r\nCookie: ${cookie}\r\n` +
      `Content-Type: image/jpeg\r\n${framing}\r\nConnection: close\r\n\r\n`;
    // 25 MB declared, a few bytes sent: an answer can only come from the declared length.
    const declared = await sendRaw({ port: E2E_PORT, request: Buffer.from(`${head(`Content-Length: ${25 * MIB}`)}\xff\xd8\xff`, 'latin1') });
    expect(declared.status).toBe(413);
    expect(JSON.parse(declared.body.toString('utf8'))).toEqual({ error: 'Ảnh quá lớn: tối đa 20 MB' });
    // Chunked, with no length: 22 MiB sent and the body never ended; the answer comes from counting.
    const chunk = Buffer.concat([Buffer.from(`${MIB.toString(16)}\r\n`), Buffer.alloc(MIB, 0xff), Buffer.from('\r\n')]);
    const chunked = await sendRaw({ port: E2E_PORT, request: Buffer.concat([Buffer.from(head('Transfer-Encoding: chunked'), 'latin1'), ...Array<Buffer>(22).fill(chunk)]) });
    expect(chunked.status).toBe(413);
    expect(JSON.parse(chunked.body.toString('utf8'))).toEqual({ error: 'Ảnh quá lớn: tối đa 20 MB' });
  });

  test('uploads from another site or without a session are refused', async ({ request, playwright }) => {
    const photo = await sidewaysPhoneJpeg(120, 90);
    const file = { name: 'anh.jpg', type: 'image/jpeg' };
    await signInReporter(request);
    for (const origin of ['https://evil.example', 'null']) {
      const foreign = await upload(request, photo, file, origin);
      expect(foreign.status(), `Origin: ${origin}`).toBe(403);
    }

    const anonymous = await playwright.request.newContext({ baseURL: E2E_BASE_URL });
    const signedOut = await upload(anonymous, photo, file);
    expect(signedOut.status()).toBe(303);
    expect(signedOut.headers()['location']).toBe('/toa-soan/dang-nhap?loi=het-phien');
    await anonymous.dispose();
  });

  test('a quan-tri may not upload', async ({ browser }) => {
    const photo = await sidewaysPhoneJpeg(120, 90);
    const file = { name: 'anh.jpg', type: 'image/jpeg' };
    // quan-tri manages accounts and writes no article (lib/newsroom-permissions.ts canWriteArticles).
    const username = uniqueUsername('qt.anh');
    createStaff({ username, name: 'Trần Quản Trị', role: 'quan-tri', password: PASSWORD });
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await signInAs(page, username, PASSWORD);
    const admin = await upload(page.request, photo, file);
    expect(admin.status()).toBe(403);
    expect(await admin.text()).toContain('Không có quyền');
    await context.close();
  });
});
