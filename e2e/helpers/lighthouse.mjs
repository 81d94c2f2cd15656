// Shared by e2e/lighthouse.spec.ts and scripts/check-lighthouse.mjs (plain JavaScript, so the script runs on
// Node without a TypeScript loader).
import { userAgents } from 'lighthouse/core/config/constants.js';

/**
 * Lighthouse 12 sends a plain phone Chrome user agent, which isbot takes for a reader: the seed article's view
 * counter would count Lighthouse's visit. Older Lighthouse versions ended their user agent with
 * "Chrome-Lighthouse", which isbot knows as a bot; this puts it back, so the counter answers `counted: false` as
 * it does for any crawler.
 */
export const LIGHTHOUSE_USER_AGENT = `${userAgents.mobile} Chrome-Lighthouse`;

/**
 * A category's score out of 100 (null when Lighthouse could not score it).
 * @param {import('lighthouse').Result} lhr
 * @param {string} id
 * @returns {number | null}
 */
export function categoryScore(lhr, id) {
  const score = lhr.categories[id]?.score;
  return score == null ? null : Math.round(score * 100);
}

/** @param {unknown} value */
function showValue(value) {
  if (value === null || typeof value !== 'object') return String(value);
  const v = /** @type {Record<string, unknown>} */ (value);
  if (v.type === 'node') return [v.selector, v.snippet].filter(Boolean).join(' ');
  if (v.type === 'source-location') return `${v.url}:${v.line}:${v.column}`;
  if (v.type === 'url' || v.type === 'code' || v.type === 'text') return String(v.value);
  return JSON.stringify(value);
}

const ITEM_FIELDS = [
  'url',
  'source',
  'sourceLocation',
  'description',
  'issueType',
  'href',
  'text',
  'line',
  'message',
  'displayedSize',
  'actualSize',
  'expectedSize',
  'displayedAspectRatio',
  'actualAspectRatio',
];

/**
 * One line for a detail item: the element, URL, console message or robots.txt line an audit complains about.
 * @param {Record<string, any>} item
 * @returns {string}
 */
function describeItem(item) {
  const parts = [];
  if (item.node) parts.push([item.node.selector, item.node.snippet, item.node.explanation].filter(Boolean).join(' '));
  for (const key of ITEM_FIELDS) {
    if (item[key] === undefined || item[key] === null || item[key] === '') continue;
    parts.push(`${key}: ${showValue(item[key])}`);
  }
  for (const sub of item.subItems?.items ?? []) parts.push(`[${describeItem(sub)}]`);
  return (parts.length ? parts.join(' | ') : JSON.stringify(item)).slice(0, 600);
}

/**
 * The audits that cost a category points (or could not run), each with what Lighthouse found, so that a failure
 * says what to fix.
 * @param {import('lighthouse').Result} lhr
 * @param {string} category
 * @returns {string[]}
 */
export function failingAudits(lhr, category) {
  return (lhr.categories[category]?.auditRefs ?? [])
    .filter((ref) => ref.weight > 0)
    .map((ref) => lhr.audits[ref.id])
    .filter((audit) => audit && (audit.scoreDisplayMode === 'error' || (audit.score !== null && audit.score < 1)))
    .map((audit) => {
      const details = /** @type {{ items?: Array<Record<string, any>> } | undefined} */ (audit.details);
      const items = (details?.items ?? []).slice(0, 10);
      const notes = [audit.displayValue, audit.explanation, audit.errorMessage].filter(Boolean).join('; ');
      return `${audit.id} (score ${audit.score}): ${audit.title}${notes ? ` — ${notes}` : ''}${items.map((item) => `\n      ${describeItem(item)}`).join('')}`;
    });
}
