import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Browser, type Page } from '@playwright/test';
import sharp from 'sharp';
import { createStaff, signInAs, uniqueUsername } from './helpers/newsroom';
import { E2E_BASE_URL } from './helpers/servers';

// The editor (issue #17; docs/decisions/0029-article-editor.md) in Chromium, as each role uses it: a reporter writes
// an article with two photos, a link and keywords and previews it; the server refuses what the reporter may not
// do; lanh-dao publishes it and an anonymous reader finds on the public page everything the seed article has.

const PASSWORD = 'Ruộng lúa quê hương 2026';
const ORIGIN = new URL(E2E_BASE_URL).origin;

/** A photo the test makes: a JPEG with GPS coordinates in its EXIF, as a phone takes them. */
async function photoWithGps(name: string, colour: { r: number; g: number; b: number }): Promise<string> {
  const file = path.join(os.tmpdir(), `e2e-${process.pid}-${name}`);
  await sharp({ create: { width: 1600, height: 1000, channels: 3, background: colour } })
    .jpeg()
    .withExif({ IFD0: { Make: 'E2E Phone' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '20/1 26/1 51/1', GPSLongitudeRef: 'E', GPSLongitude: '106/1 20/1 25/1' } })
    .toFile(file);
  return file;
}

async function asNewStaff(browser: Browser, { prefix, role, name, categories = '17' }: { prefix: string; role: string; name: string; categories?: string }) {
  const username = uniqueUsername(prefix);
  createStaff({ username, name, role, password: PASSWORD, categories });
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInAs(page, username, PASSWORD);
  return { username, context, page };
}

/** Waits for the editor to say its last save went through. */
async function expectSaved(page: Page) {
  await expect(page.getByRole('status').filter({ hasText: 'Đã lưu lúc' })).toBeVisible({ timeout: 15_000 });
}

/** The article id the editor moved to after its first save. */
async function articleIdOf(page: Page): Promise<number> {
  await expect(page).toHaveURL(/\/toa-soan\/bai-viet\/\d+$/, { timeout: 15_000 });
  return Number(new URL(page.url()).pathname.split('/').pop());
}

// Each test signs in one or two new accounts (two-factor enrolment for the roles that need it) and uploads photos.
test.describe.configure({ timeout: 180_000 });

const body = (page: Page) => page.getByRole('textbox', { name: 'Nội dung bài viết' });

test('a reporter writes and previews an article with photos, a link and keywords; lanh-dao publishes it; a reader sees it all', async ({ browser }) => {
  const reporter = await asNewStaff(browser, { prefix: 'pv', role: 'phong-vien', name: 'Lê Phóng Viên' });
  const page = reporter.page;
  await page.goto('/toa-soan/bai-viet/moi');
  const title = `Thái Bình mở tuyến xe buýt mới ${Date.now().toString(36)}`;
  await page.getByLabel('Tiêu đề').fill(title);
  await page.getByLabel('Sapo').fill('Từ tháng này, người dân đi lại giữa thành phố và các huyện thuận tiện hơn.');
  await expect(page.getByRole('combobox', { name: 'Chuyên mục' })).toHaveValue('17');
  // Keywords: an existing one found without diacritics, and a new one.
  const keywords = page.getByRole('combobox', { name: 'Từ khóa' });
  await keywords.fill('nong thon');
  await page.getByRole('option', { name: 'Nông thôn mới' }).click();
  await keywords.fill('Xe buýt điện');
  await keywords.press('Enter');
  await expect(page.getByRole('list', { name: 'Từ khóa đã chọn' }).getByRole('listitem')).toHaveText([/Nông thôn mới/, /Xe buýt điện/]);

  await body(page).click();
  await page.keyboard.type('Tuyến xe buýt số 12 chạy từ ');
  await page.getByRole('button', { name: 'Đậm' }).click();
  await page.keyboard.type('bến xe Thái Bình');
  await page.getByRole('button', { name: 'Đậm' }).click();
  await page.keyboard.type(' đến thị trấn Diêm Điền. Xem lịch chạy tại trang của Sở.');
  // A link on "trang của Sở": a javascript: address is refused with a message, an https one is taken.
  await page.keyboard.press('ArrowLeft');
  for (let i = 0; i < 'trang của Sở'.length; i++) await page.keyboard.press('Shift+ArrowLeft');
  await page.getByRole('button', { name: 'Liên kết', exact: true }).click();
  await page.getByLabel('Địa chỉ liên kết').fill('javascript:alert(1)');
  await page.getByRole('button', { name: 'Áp dụng liên kết' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Chỉ nhận liên kết đầy đủ bắt đầu bằng http:// hoặc https://' })).toBeVisible();
  await page.getByLabel('Địa chỉ liên kết').fill('https://sogtvt.thaibinh.gov.vn/lich-chay');
  await page.getByRole('button', { name: 'Áp dụng liên kết' }).click();
  await expect(body(page).locator('a[href="https://sogtvt.thaibinh.gov.vn/lich-chay"]')).toHaveText('trang của Sở');

  // Two photos from the file picker; each asks for its alternative text.
  await body(page).press('End');
  await page.getByLabel('Chọn ảnh để chèn').setInputFiles([await photoWithGps('xe-buyt-1.jpg', { r: 200, g: 60, b: 40 }), await photoWithGps('xe-buyt-2.jpg', { r: 40, g: 90, b: 200 })]);
  await expect(page.locator('figure[data-photo]')).toHaveCount(2, { timeout: 30_000 });
  const altFields = page.getByLabel('Mô tả ảnh', { exact: true });
  await altFields.nth(0).fill('Xe buýt màu đỏ ở bến xe Thái Bình');
  await page.getByLabel('Chú thích').nth(0).fill('Xe buýt tuyến 12 tại bến.');
  await page.getByLabel('Nguồn ảnh').nth(0).fill('Ảnh: Lê Phóng Viên');
  await altFields.nth(1).fill('Xe buýt màu xanh trên đường');
  await page.getByLabel('Chú thích').nth(1).fill('Xe chạy qua cầu Tân Đệ.');
  await expect(page.getByLabel('Mô tả ảnh đại diện')).toHaveValue('');
  await page.getByLabel('Mô tả ảnh đại diện').fill('Xe buýt màu đỏ ở bến xe Thái Bình');
  const id = await articleIdOf(page);
  await expectSaved(page);

  // The reporter has no publish button, and the server refuses the reporter's publish request itself.
  await expect(page.getByRole('button', { name: 'Xuất bản' })).toHaveCount(0);
  const refused = await page.request.post(`/toa-soan/bai-viet/${id}/xuat-ban`, {
    headers: { Origin: ORIGIN, 'Content-Type': 'application/json' },
    data: { baseVersion: 1, draft: {} },
  });
  expect(refused.status()).toBe(403);

  // Preview: the public page's components with a banner; counts no view.
  await page.getByRole('button', { name: 'Xem trước' }).click();
  await expect(page).toHaveURL(new RegExp(`/toa-soan/bai-viet/${id}/xem-truoc$`));
  await expect(page.getByText('Bản xem trước')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  await expect(page.locator('figure figcaption')).toHaveCount(2);
  // Not public while a draft.
  const anonymous = await browser.newContext();
  expect((await anonymous.request.get(`${E2E_BASE_URL}/news/17/${id}`, { maxRedirects: 0 })).status()).toBe(404);
  await anonymous.close();

  // lanh-dao publishes it.
  const leader = await asNewStaff(browser, { prefix: 'ld', role: 'lanh-dao', name: 'Phạm Lãnh Đạo', categories: '' });
  await leader.page.goto(`/toa-soan/bai-viet/${id}`);
  await expect(leader.page.getByLabel('Tiêu đề')).toHaveValue(title);
  const published = Date.now();
  await leader.page.getByRole('button', { name: 'Xuất bản' }).click();
  const link = leader.page.getByRole('link', { name: 'Xem bài trên trang' });
  await expect(link).toBeVisible({ timeout: 15_000 });
  const url = (await link.getAttribute('href'))!;
  expect(url).toMatch(new RegExp(`^/news/17/${id}/thai-binh-mo-tuyen-xe-buyt-moi-`));

  // An anonymous reader: the page has what the seed article has. JavaScript off, so the reader counts no view: an
  // article of today with a view would lead "Đọc nhiều" on every page, which search.spec.ts checks on the demo content.
  const reader = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
  let response = await reader.goto(url);
  while (response?.status() !== 200 && Date.now() - published < 10_000) {
    await reader.waitForTimeout(100);
    response = await reader.goto(url);
  }
  expect(response?.status()).toBe(200);
  await expect(reader.getByRole('heading', { level: 1 })).toHaveText(title);
  await expect(reader.locator('.article__meta time')).toHaveText(/^Thứ \d|^Chủ nhật, \d{2}\.\d{2}\.\d{4} \| \d{2}:\d{2}:\d{2}$/);
  await expect(reader.locator('.article__sapo')).toHaveText('Từ tháng này, người dân đi lại giữa thành phố và các huyện thuận tiện hơn.');
  await expect(reader.locator('.article figure')).toHaveCount(2);
  await expect(reader.locator('.article figcaption').first()).toContainText('Xe buýt tuyến 12 tại bến.');
  await expect(reader.locator('.article').getByText('Lê Phóng Viên', { exact: true })).toBeVisible();
  await expect(reader.getByRole('heading', { name: 'Từ khóa' })).toBeVisible();
  await expect(reader.getByRole('link', { name: 'Nông thôn mới' })).toBeVisible();
  await expect(reader.getByRole('link', { name: 'Xe buýt điện' })).toBeVisible();
  await expect(reader.getByRole('heading', { name: 'Tin liên quan' })).toBeVisible();
  await expect(reader.locator('.article strong')).toHaveText('bến xe Thái Bình');
  await expect(reader.locator('.article a[href="https://sogtvt.thaibinh.gov.vn/lich-chay"]')).toHaveText('trang của Sở');
  await expect(reader.locator('.article__views')).toBeVisible();

  // No GPS (nor any EXIF) in any served photo: the originals and the sizes next/image makes of them.
  const sources = await reader.locator('.article figure img').evaluateAll((imgs) => imgs.flatMap((img) => [(img as HTMLImageElement).currentSrc]));
  const originals = await reader.locator('.article figure img').evaluateAll((imgs) => imgs.map((img) => new URL((img as HTMLImageElement).src).searchParams.get('url') ?? (img as HTMLImageElement).src));
  for (const src of [...sources, ...originals]) {
    const bytes = Buffer.from(await (await reader.request.get(new URL(src, E2E_BASE_URL).href)).body());
    const meta = await sharp(bytes).metadata();
    expect(meta.exif, `${src} has EXIF`).toBeUndefined();
    expect(bytes.includes(Buffer.from('GPS')), `${src} mentions GPS`).toBe(false);
  }
  await reporter.context.close();
  await leader.context.close();
});

test('two people saving the same draft: the second save answers 409, says so, and keeps what was typed', async ({ browser }) => {
  const author = await asNewStaff(browser, { prefix: 'pv', role: 'phong-vien', name: 'Ngô Tác Giả' });
  await author.page.goto('/toa-soan/bai-viet/moi');
  await author.page.getByLabel('Tiêu đề').fill('Bài viết hai người cùng sửa');
  const id = await articleIdOf(author.page);
  await expectSaved(author.page);
  const editor = await asNewStaff(browser, { prefix: 'btv', role: 'bien-tap-vien', name: 'Đỗ Biên Tập' });
  await editor.page.goto(`/toa-soan/bai-viet/${id}`);
  await author.page.reload();
  // Both opened version 1; the editor saves first.
  await editor.page.getByLabel('Sapo').fill('Sapo của biên tập viên.');
  await expectSaved(editor.page);
  await author.page.getByLabel('Sapo').fill('Sapo của tác giả, gõ cùng lúc.');
  await expect(author.page.getByRole('alert').filter({ hasText: 'Bài viết vừa được người khác sửa' })).toBeVisible({ timeout: 15_000 });
  await author.page.getByRole('button', { name: 'Tải lại bài' }).click();
  await expect(author.page.getByLabel('Sapo')).toHaveValue('Sapo của biên tập viên.');
  await author.page.getByRole('button', { name: 'Khôi phục bản này' }).click();
  await expect(author.page.getByLabel('Sapo')).toHaveValue('Sapo của tác giả, gõ cùng lúc.');
  await expectSaved(author.page);
  await editor.context.close();
  await author.context.close();
});

test('the server refuses a javascript: link and a draft it cannot read, whatever the browser sends', async ({ browser }) => {
  const author = await asNewStaff(browser, { prefix: 'pv', role: 'phong-vien', name: 'Vũ Phóng Viên' });
  const draft = {
    title: 'Liên kết độc',
    sapo: 'Thử liên kết.',
    categoryId: 17,
    byline: '',
    keywords: [],
    slug: '',
    leadImage: null,
    body: [{ type: 'paragraph', spans: [{ text: 'Bấm vào đây', href: 'javascript:alert(document.cookie)' }] }],
  };
  const headers = { Origin: ORIGIN, 'Content-Type': 'application/json' };
  const answer = await author.page.request.post('/toa-soan/bai-viet', { headers, data: { baseVersion: 0, draft } });
  expect(answer.status()).toBe(422);
  expect(JSON.stringify(await answer.json())).toContain('http(s)');
  const foreign = await author.page.request.post('/toa-soan/bai-viet', { headers: { ...headers, Origin: 'https://evil.example' }, data: { baseVersion: 0, draft: { ...draft, body: [] } } });
  expect(foreign.status()).toBe(403);
  await author.context.close();
});

const SAMPLES = path.join('components', 'newsroom', 'editor', 'paste-samples');

/** Pastes clipboard HTML into the body as a browser does (a paste event carrying text/html). */
async function pasteHtml(page: Page, html: string) {
  await body(page).click();
  await body(page).evaluate((element, pasted) => {
    const data = new DataTransfer();
    data.setData('text/html', pasted);
    data.setData('text/plain', 'văn bản');
    element.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, html);
}

const PASTES = [
  {
    sample: 'word.html',
    headings: ['Hỗ trợ nông dân Thái Bình khôi phục sản xuất sau bão', 'Ưu tiên các xã ven biển', 'Vay vốn ưu đãi để tái đàn'],
    bullets: ['Huyện Thái Thụy: 45 tấn;', 'Huyện Tiền Hải: 40 tấn;', 'Các huyện còn lại: 65 tấn.'],
    numbered: ['Hộ nghèo, hộ cận nghèo;', 'Hộ có nhà bị sập, tốc mái;', 'Hợp tác xã nông nghiệp.'],
    bold: 'hơn 150 tấn giống lúa',
    italic: 'bão số 3 (Yagi)',
    link: 'https://thaibinh.gov.vn/tin-tuc/ho-tro-von-vay-sau-bao',
    dropped: 1,
    photos: 0,
  },
  {
    sample: 'libreoffice.html',
    headings: ['Thái Bình khởi công cầu Trà Lý mới'],
    bullets: [],
    numbered: ['Giải phóng mặt bằng trong quý II năm 2024;', 'Thi công trụ cầu chính từ tháng 7;', 'Thông xe kỹ thuật vào cuối năm 2027.'],
    bold: 'cầu Trà Lý mới',
    italic: '1.200 tỷ đồng',
    link: 'https://thaibinh.gov.vn/du-an/cau-tra-ly-moi',
    dropped: 0,
    photos: 0,
  },
  {
    sample: 'gdocs.html',
    headings: ['Thái Bình đón hơn 1,2 triệu lượt khách dịp nghỉ lễ', 'Các điểm đến thu hút nhất'],
    bullets: ['Chùa Keo (Vũ Thư);', 'Biển Đồng Châu (Tiền Hải);', 'Cồn Vành (Tiền Hải).'],
    numbered: ['Niêm yết công khai giá dịch vụ;', 'Bảo đảm an toàn thực phẩm.'],
    bold: 'tổng lượt khách',
    italic: 'hơn 1,2 triệu',
    link: 'https://dulich.thaibinh.gov.vn/diem-den',
    dropped: 1,
    photos: 0,
  },
  // LibreOffice's HTML export (not its clipboard): the one sample with a picture inside the HTML, uploaded.
  {
    sample: 'libreoffice-export.html',
    headings: ['Thái Bình khởi công cầu Trà Lý mới'],
    bullets: [],
    numbered: ['Giải phóng mặt bằng trong quý II năm 2024;', 'Thi công trụ cầu chính từ tháng 7;', 'Thông xe kỹ thuật vào cuối năm 2027.'],
    bold: 'cầu Trà Lý mới',
    italic: '1.200 tỷ đồng',
    link: 'https://thaibinh.gov.vn/du-an/cau-tra-ly-moi',
    dropped: 0,
    photos: 1,
  },
];

for (const paste of PASTES) {
  test(`paste from ${paste.sample}: structure and marks kept, styles, comments and tracked deletions gone, images uploaded or reported`, async ({ browser }) => {
    const author = await asNewStaff(browser, { prefix: 'pv', role: 'phong-vien', name: 'Đinh Phóng Viên' });
    const page = author.page;
    await page.goto('/toa-soan/bai-viet/moi');
    await page.getByLabel('Tiêu đề').fill(`Dán từ ${paste.sample}`);
    await pasteHtml(page, fs.readFileSync(path.join(SAMPLES, paste.sample), 'utf8'));
    if (paste.dropped) await expect(page.getByRole('alert').filter({ hasText: `${paste.dropped} ảnh trong nội dung dán không lấy được` })).toBeVisible();
    await expect(page.locator('figure[data-photo]')).toHaveCount(paste.photos, { timeout: 30_000 });
    await articleIdOf(page);
    await expectSaved(page);
    // What the server stored, as the editor opens it again.
    await page.reload();
    const content = body(page);
    await expect(content.locator('figure[data-photo]')).toHaveCount(paste.photos);
    if (paste.headings) await expect(content.locator('h2')).toHaveText(paste.headings);
    await expect(content.locator('ul > li')).toHaveText(paste.bullets);
    await expect(content.locator('ol > li')).toHaveText(paste.numbered);
    if (paste.bold) await expect(content.locator('strong', { hasText: paste.bold })).toHaveCount(1);
    if (paste.italic) await expect(content.locator('em', { hasText: paste.italic })).toHaveCount(1);
    if (paste.link) await expect(content.locator(`a[href="${paste.link}"]`)).toHaveCount(1);
    const text = (await content.textContent()) ?? '';
    expect(text).not.toMatch(/Kiểm tra lại|\[TP1\]|mso-|font-family|Times New Roman/);
    // Nothing of the pasted markup's styling is left (the photos' own editing fields are the editor's, not pasted).
    const styled = await content.evaluate((element) => {
      const copy = element.cloneNode(true) as HTMLElement;
      copy.querySelectorAll('.react-renderer, [data-node-view-wrapper], figure[data-photo]').forEach((photo) => photo.remove());
      return copy.querySelectorAll('[style], [class]:not(.ProseMirror-trailingBreak), font, span, table').length;
    });
    expect(styled).toBe(0);
    await author.context.close();
  });
}

for (const width of [1280, 768]) {
  test(`the editor passes axe (WCAG 2.1 AA) at ${width} px, its toolbar named in Vietnamese`, async ({ browser }) => {
    const author = await asNewStaff(browser, { prefix: 'pv', role: 'phong-vien', name: 'Hà Phóng Viên' });
    await author.page.setViewportSize({ width, height: 900 });
    await author.page.goto('/toa-soan/bai-viet/moi');
    await expect(body(author.page)).toBeVisible();
    const toolbar = author.page.getByRole('toolbar', { name: 'Định dạng nội dung' });
    for (const name of ['Đoạn văn', 'Tiêu đề phụ', 'Trích dẫn', 'Danh sách', 'Danh sách số', 'Đậm', 'Nghiêng', 'Liên kết', 'Chèn ảnh', 'Hoàn tác', 'Làm lại']) {
      await expect(toolbar.getByRole('button', { name, exact: true })).toBeVisible();
    }
    const results = await new AxeBuilder({ page: author.page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    const overflow = await author.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await author.context.close();
  });
}

test.afterAll(() => {
  for (const name of ['xe-buyt-1.jpg', 'xe-buyt-2.jpg']) fs.rmSync(path.join(os.tmpdir(), `e2e-${process.pid}-${name}`), { force: true });
});
