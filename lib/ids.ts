import { randomBytes } from "node:crypto";

/** A random, URL-safe identifier of 20 characters (about 120 bits). */
export function createId(): string {
  return randomBytes(15).toString("base64url");
}
