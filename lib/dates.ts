// Dates are always shown in Vietnam's time zone, whatever the server's TZ.
const TIME_ZONE = 'Asia/Ho_Chi_Minh';

const partsFormatter = new Intl.DateTimeFormat('en-US', {
  timeZone: TIME_ZONE,
  hourCycle: 'h23',
  weekday: 'short',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

const WEEKDAYS: Record<string, string> = {
  Sun: 'Chủ nhật',
  Mon: 'Thứ 2',
  Tue: 'Thứ 3',
  Wed: 'Thứ 4',
  Thu: 'Thứ 5',
  Fri: 'Thứ 6',
  Sat: 'Thứ 7',
};

type VietnamParts = {
  weekday: string;
  year: string;
  month: string;
  day: string;
  hour: string;
  minute: string;
  second: string;
  offsetMinutes: number;
};

function vietnamParts(date: Date): VietnamParts {
  const map: Record<string, string> = {};
  for (const part of partsFormatter.formatToParts(date)) map[part.type] = part.value;
  const asUtc = Date.UTC(
    Number(map.year),
    Number(map.month) - 1,
    Number(map.day),
    Number(map.hour),
    Number(map.minute),
    Number(map.second),
  );
  const wholeSeconds = Math.floor(date.getTime() / 1000) * 1000;
  return {
    weekday: WEEKDAYS[map.weekday ?? ''] ?? '',
    year: map.year ?? '',
    month: map.month ?? '',
    day: map.day ?? '',
    hour: map.hour ?? '',
    minute: map.minute ?? '',
    second: map.second ?? '',
    offsetMinutes: Math.round((asUtc - wholeSeconds) / 60000),
  };
}

/** `Thứ 3, 26.01.2021 | 19:14:24`, as the seed site shows it. */
export function formatArticleDateTime(date: Date): string {
  const p = vietnamParts(date);
  return `${p.weekday}, ${p.day}.${p.month}.${p.year} | ${p.hour}:${p.minute}:${p.second}`;
}

/** `26.01.2021`, for compact lists. */
export function formatShortDate(date: Date): string {
  const p = vietnamParts(date);
  return `${p.day}.${p.month}.${p.year}`;
}

/** ISO 8601 with Vietnam's offset, e.g. `2021-01-26T19:14:24+07:00`. */
export function toVietnamIso(date: Date): string {
  const p = vietnamParts(date);
  const sign = p.offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(p.offsetMinutes);
  const offset = `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}:${p.second}${offset}`;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const EN_WEEKDAYS: Record<string, string> = { 'Chủ nhật': 'Sun', 'Thứ 2': 'Mon', 'Thứ 3': 'Tue', 'Thứ 4': 'Wed', 'Thứ 5': 'Thu', 'Thứ 6': 'Fri', 'Thứ 7': 'Sat' };

/** RFC 822 date for RSS, in Vietnam's time: `Tue, 26 Jan 2021 19:14:24 +0700`. */
export function toRfc822Vietnam(date: Date): string {
  const p = vietnamParts(date);
  const sign = p.offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(p.offsetMinutes);
  const offset = `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}${String(abs % 60).padStart(2, '0')}`;
  return `${EN_WEEKDAYS[p.weekday]}, ${p.day} ${MONTHS[Number(p.month) - 1]} ${p.year} ${p.hour}:${p.minute}:${p.second} ${offset}`;
}
