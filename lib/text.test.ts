import assert from 'node:assert/strict';
import { test } from 'node:test';
import { excerpt, formatViews, truncateAtWord } from '@/lib/text';
import fixture from '@/e2e/fixtures/seed-article.json';

test('view counts read as on the seed page, thousands grouped with a dot', () => {
  assert.equal(formatViews(267), fixture.article.displayedViews);
  assert.equal(formatViews(0), '0 lượt xem');
  assert.equal(formatViews(1234), '1.234 lượt xem');
  assert.equal(formatViews(1234567), '1.234.567 lượt xem');
});

test('the related rail’s excerpt of the seed matches the seed page exactly', () => {
  const shown = fixture.relatedRail[0]!.excerpt;
  const lead = `${shown.slice(0, -3)} phát triển đất nước trong giai đoạn mới là sức mạnh của khối đại đoàn kết toàn dân tộc.`;
  assert.equal(excerpt(lead), shown);
});

test('an excerpt is about 30 words, ends in "..." and never cuts a word', () => {
  const text = 'Ngay từ đầu năm, Văn phòng UBND tỉnh đã chủ động bám sát chương trình, kế hoạch công tác chỉ đạo điều hành của UBND tỉnh, tham mưu UBND tỉnh kiểm soát tốt ổ dịch Covid-19, tổ chức thành công các sự kiện lớn của tỉnh.';
  const result = excerpt(text);
  assert.ok(result.endsWith('...'));
  const words = result.slice(0, -3).split(' ');
  assert.ok(words.length >= 25 && words.length <= 45, `${words.length} words`);
  for (const word of words) assert.ok(text.split(/\s+/).includes(word), word);
  assert.ok(!/[,;:]\.\.\.$/.test(result), 'no punctuation before the ellipsis');
});

test('a short lead is shown whole, without an ellipsis', () => {
  assert.equal(excerpt('Tin ngắn.'), 'Tin ngắn.');
});

test('descriptions are cut at a word boundary within the limit', () => {
  const cut = truncateAtWord(fixture.article.sapo, 160);
  assert.ok(cut.length <= 160);
  assert.ok(fixture.article.sapo.startsWith(cut.slice(0, -1)));
});
