import { randomBytes } from "node:crypto";
import { db } from "@/lib/db/client";

/**
 * A secret that signs and hashes auth tokens: AUTH_SECRET when set, otherwise one
 * generated once and kept in the database, so every process of this installation
 * shares it and a fresh install needs no configuration.
 */
export async function authSecret(): Promise<string> {
  if (process.env.AUTH_SECRET) return process.env.AUTH_SECRET;
  const client = await db();
  const candidate = randomBytes(32).toString("base64url");
  await client.platformSetting.upsert({ where: { key: "auth-secret" }, create: { key: "auth-secret", value: candidate }, update: {} });
  return (await client.platformSetting.findUniqueOrThrow({ where: { key: "auth-secret" } })).value;
}
