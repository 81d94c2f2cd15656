import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseSearchQuery, toMatchExpression } from '@/lib/search-query';
import { buildSnippet, findMatches } from '@/lib/snippet';

test('queries are folded: no tones, no marks, đ/Đ/Ð all d', () => {
  assert.deepEqual(parseSearchQuery('Hội nghị').terms, ['hoi', 'nghi']);
  assert.deepEqual(parseSearchQuery('Đồng chí').terms, ['dong', 'chi']);
  assert.deepEqual(parseSearchQuery('Ðại hội').terms, ['dai', 'hoi']);
  assert.deepEqual(parseSearchQuery('dai hoi').terms, ['dai', 'hoi']);
});

test('FTS5 syntax typed by a reader becomes plain quoted words', () => {
  for (const input of ['"', '*', '(', ')', ':', '^', '-', 'NEAR', 'OR', 'AND', 'NOT', 'a OR b', 'title:x', '"unterminated', 'x*', '(a AND b) NOT c', "'; DROP TABLE articles; --"]) {
    const { terms } = parseSearchQuery(input);
    const match = toMatchExpression(terms);
    if (match) assert.match(match, /^("[\p{L}\p{N}]+"\*? ?)+$/u, input);
  }
  assert.equal(toMatchExpression(parseSearchQuery('NEAR(a bcd)').terms), '"near" "a" "bcd"*');
  assert.equal(toMatchExpression(parseSearchQuery('bong da').terms, 'phrase'), '"bong da"');
});

test('empty, blank, control-character and emoji queries have no terms', () => {
  for (const input of ['', '   ', '\u0000\u0007\t\n', '🙂🎉', undefined, []]) assert.deepEqual(parseSearchQuery(input as string).terms, []);
  assert.equal(toMatchExpression([]), null);
});

test('a query is cut at 200 characters and to at most 12 terms', () => {
  const { text, terms } = parseSearchQuery('hội nghị '.repeat(200));
  assert.equal([...text].length <= 200, true);
  assert.deepEqual(terms, ['hoi', 'nghi']);
  assert.equal(parseSearchQuery(Array.from({ length: 50 }, (_, i) => `tu${i}`).join(' ')).terms.length, 12);
});

test('matches found on folded text map back onto the original words', () => {
  const text = 'Chiều 26/01, Đồng chí Lại Văn Hoàn dự Hội nghị tổng kết; Ðại hội XIII.';
  const found = findMatches(text, ['dong', 'hoi', 'nghi', 'dai']).map(([a, b]) => text.slice(a, b));
  assert.deepEqual(found, ['Đồng', 'Hội', 'nghị', 'Ðại', 'hội']);
});

test('the last term also matches as the start of a word, and the whole word is marked', () => {
  const text = 'Phát động thi đua năm 2021';
  assert.deepEqual(findMatches(text, ['thi', 'duo']).map(([a, b]) => text.slice(a, b)), ['thi']);
  assert.deepEqual(findMatches('Phát động thi đua', ['thi', 'dua']).map(([a, b]) => 'Phát động thi đua'.slice(a, b)), ['thi', 'đua']);
  assert.deepEqual(findMatches('Hội nghị tổng kết', ['hoi', 'ngh']).map(([a, b]) => 'Hội nghị tổng kết'.slice(a, b)), ['Hội', 'nghị']);
});

test('a snippet marks the matched words and keeps the original text around them', () => {
  const sapo = 'Chiều 26/01/2021, Văn phòng UBND tỉnh Thái Bình tổ chức Hội nghị tổng kết công tác năm 2020.';
  const parts = buildSnippet(sapo, ['hoi', 'nghi'])!;
  assert.equal(parts.map((p) => p.text).join(''), sapo);
  assert.deepEqual(parts.filter((p) => p.mark).map((p) => p.text), ['Hội', 'nghị']);
  assert.equal(buildSnippet(sapo, ['khongco']), null);
});

test('a long text is cut around the first match with ellipses', () => {
  const text = `${'Mở đầu bài viết rất dài. '.repeat(30)}Đoạn có Hội nghị ở giữa. ${'Phần kết. '.repeat(30)}`;
  const parts = buildSnippet(text, ['hoi', 'nghi'], 120)!;
  const joined = parts.map((p) => p.text).join('');
  assert.ok(joined.startsWith('… ') && joined.endsWith(' …'));
  assert.ok(joined.length <= 130);
  assert.deepEqual(parts.filter((p) => p.mark).map((p) => p.text), ['Hội', 'nghị']);
});
