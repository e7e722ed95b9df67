import en from "@/messages/en.json";

export type ErrorKey = keyof typeof en.Errors;

/** A key of the "Errors" messages, or the fallback when an action sent something unknown. */
export function errorKey(key: string, fallback: ErrorKey): ErrorKey {
  return key in en.Errors ? (key as ErrorKey) : fallback;
}
