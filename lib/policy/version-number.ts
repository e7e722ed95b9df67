/** A version number from a URL or query: a positive whole number, or null. */
export function parseVersionNumber(value: string | null | undefined): number | null {
  if (!value || !/^[1-9]\d{0,8}$/.test(value)) return null;
  return Number(value);
}
