/**
 * A positive whole number from a URL segment, or null. Rejects signs, fractions, exponents, spaces and
 * anything past Number.MAX_SAFE_INTEGER, so `-1`, `1.5`, `1e3` and `abc` never reach the database.
 */
export function parseId(segment: string | undefined): number | null {
  if (segment === undefined || !/^\d{1,16}$/.test(segment)) return null;
  const value = Number(segment);
  return Number.isSafeInteger(value) ? value : null;
}

/** `?trang=N` as a page number: absent means 1; anything but a whole number from 1 up is null. */
export function parsePageParam(value: string | string[] | undefined): number | null {
  if (value === undefined) return 1;
  if (Array.isArray(value)) return null;
  const page = parseId(value);
  return page !== null && page >= 1 ? page : null;
}

/** True when `?trang=` is spelled the one canonical way: absent for page 1, plain digits otherwise. */
export function isCanonicalPageParam(value: string | string[] | undefined, page: number): boolean {
  return page === 1 ? value === undefined : value === String(page);
}
