import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatArticleDateTime, formatShortDate, toRfc822Vietnam, toVietnamIso } from '@/lib/dates';
import fixture from '@/e2e/fixtures/seed-article.json';

test('the test process runs in a time zone other than Vietnam’s', () => {
  assert.notEqual(new Date('2021-01-26T12:00:00Z').getTimezoneOffset(), -420);
});

test('the seed article’s date is shown byte for byte as on the seed page', () => {
  const date = new Date(fixture.article.publishedAt);
  assert.equal(formatArticleDateTime(date), 'Thứ 3, 26.01.2021 | 19:14:24');
  assert.equal(formatArticleDateTime(date), fixture.article.displayedDateTime);
  assert.equal(toVietnamIso(date), '2021-01-26T19:14:24+07:00');
});

test('the other known articles’ dates match the seed site', () => {
  for (const known of fixture.otherKnownArticles) {
    assert.equal(formatArticleDateTime(new Date(known.publishedAt)), known.displayedDateTime);
  }
});

test('every weekday is named the Vietnamese way, Sunday as Chủ nhật', () => {
  // 2021-01-24 was a Sunday.
  const expected = ['Chủ nhật', 'Thứ 2', 'Thứ 3', 'Thứ 4', 'Thứ 5', 'Thứ 6', 'Thứ 7'];
  expected.forEach((weekday, offset) => {
    const day = String(24 + offset).padStart(2, '0');
    const date = new Date(`2021-01-${day}T10:00:00+07:00`);
    assert.equal(formatArticleDateTime(date), `${weekday}, ${day}.01.2021 | 10:00:00`);
  });
});

test('a time just after midnight in Vietnam is still the previous day in UTC, and shows Vietnam’s day', () => {
  const date = new Date('2021-01-26T17:30:00Z'); // 00:30 on the 27th in Vietnam
  assert.equal(formatArticleDateTime(date), 'Thứ 4, 27.01.2021 | 00:30:00');
  assert.equal(toVietnamIso(date), '2021-01-27T00:30:00+07:00');
  assert.equal(formatShortDate(date), '27.01.2021');
});

test('midnight UTC is 07:00 the same day in Vietnam, and Vietnam’s midnight shows as 00:00:00', () => {
  assert.equal(formatArticleDateTime(new Date('2021-01-26T00:00:00Z')), 'Thứ 3, 26.01.2021 | 07:00:00');
  assert.equal(formatArticleDateTime(new Date('2021-01-25T17:00:00Z')), 'Thứ 3, 26.01.2021 | 00:00:00');
  assert.equal(formatArticleDateTime(new Date('2021-01-25T16:59:59Z')), 'Thứ 2, 25.01.2021 | 23:59:59');
});

test('the year boundary follows Vietnam’s calendar', () => {
  assert.equal(toVietnamIso(new Date('2020-12-31T17:00:00Z')), '2021-01-01T00:00:00+07:00');
  assert.equal(formatArticleDateTime(new Date('2020-12-31T17:00:00Z')), 'Thứ 6, 01.01.2021 | 00:00:00');
});

test('RSS dates are RFC 822 in Vietnam’s time with +0700', () => {
  assert.equal(toRfc822Vietnam(new Date('2021-01-26T19:14:24+07:00')), 'Tue, 26 Jan 2021 19:14:24 +0700');
  assert.equal(toRfc822Vietnam(new Date('2020-12-31T17:00:00Z')), 'Fri, 01 Jan 2021 00:00:00 +0700');
});
