import { formatArticleDateTime, formatShortDate, toVietnamIso } from '@/lib/dates';

/** A date in Vietnam's time zone, machine-readable with its +07:00 offset. */
export function DateTime({ date, short }: { date: Date; short?: boolean }) {
  return <time dateTime={toVietnamIso(date)}>{short ? formatShortDate(date) : formatArticleDateTime(date)}</time>;
}
