import { createHash, randomBytes } from "node:crypto";
import type { ApiKey, Tenant } from "@/generated/prisma/client";
import { recordAudit } from "@/lib/audit";
import { withPlatform, withTenant } from "@/lib/db/tenant-db";

/**
 * Keys for the tenant's own systems (/api/v1). The full key is "inz_" and 32 random
 * base64url characters; it is handed out once, when it is made. Only its SHA-256 and
 * a short prefix (to recognise it in the console) are stored. Keys travel only in an
 * `Authorization: Bearer …` header.
 */

export const apiKeyPattern = /^inz_[A-Za-z0-9_-]{32}$/;
/** How much of the key the console shows: "inz_" and 6 characters. */
const prefixLength = 10;
/** lastUsedAt is written at most this often per key. */
export const touchIntervalMs = 60_000;

export const hashApiKey = (secret: string) => createHash("sha256").update(secret).digest("hex");

export interface ApiKeyView {
  id: string;
  name: string;
  prefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

export interface ConsoleActor {
  userId: string;
  email: string;
}

export function newApiKeySecret(): string {
  return `inz_${randomBytes(24).toString("base64url")}`;
}

/** Makes a key; the returned secret is the only copy of the full key there will ever be. */
export async function createApiKey(tenantId: string, name: string, actor: ConsoleActor | null = null): Promise<{ key: ApiKeyView; secret: string }> {
  const secret = newApiKeySecret();
  const key = await withTenant(tenantId, async (tx) => {
    const created = await tx.apiKey.create({
      data: { tenantId, name, prefix: secret.slice(0, prefixLength), keyHash: hashApiKey(secret), createdById: actor?.userId ?? null },
    });
    await recordAudit(tx, tenantId, {
      actorType: actor ? "user" : "system",
      actorId: actor?.userId ?? null,
      actorLabel: actor?.email ?? "system",
      action: "apiKey.create",
      targetType: "ApiKey",
      targetId: created.id,
      details: { name, prefix: created.prefix },
    });
    return created;
  });
  return { key: view(key), secret };
}

/** Revokes a key of this tenant; false when there is no such (unrevoked) key. */
export async function revokeApiKey(tenantId: string, keyId: string, actor: ConsoleActor | null = null): Promise<boolean> {
  return withTenant(tenantId, async (tx) => {
    const { count } = await tx.apiKey.updateMany({ where: { id: keyId, tenantId, revokedAt: null }, data: { revokedAt: new Date() } });
    if (count === 0) return false;
    await recordAudit(tx, tenantId, {
      actorType: actor ? "user" : "system",
      actorId: actor?.userId ?? null,
      actorLabel: actor?.email ?? "system",
      action: "apiKey.revoke",
      targetType: "ApiKey",
      targetId: keyId,
    });
    return true;
  });
}

export async function listApiKeys(tenantId: string): Promise<ApiKeyView[]> {
  const keys = await withTenant(tenantId, (tx) =>
    tx.apiKey.findMany({ where: { tenantId }, orderBy: [{ revokedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }] }),
  );
  return keys.map(view);
}

/** The key in an Authorization header ("Bearer inz_…"), or null when there is none of that form. */
export function bearerToken(authorization: string | null | undefined): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? "");
  return match && apiKeyPattern.test(match[1]) ? match[1] : null;
}

/**
 * The tenant and key that an Authorization header names, or null for a missing,
 * malformed, unknown or revoked key. Looking the key up by its hash is what tells
 * which tenant is asking, so this one query cannot go through withTenant.
 */
export async function authenticateApiKey(authorization: string | null | undefined): Promise<{ tenant: Tenant; key: ApiKey } | null> {
  const secret = bearerToken(authorization);
  if (!secret) return null;
  const keyHash = hashApiKey(secret);
  // The key is what tells which tenant is calling, so it is looked up across tenants.
  const found = await withPlatform((tx) => tx.apiKey.findUnique({ where: { keyHash }, include: { tenant: true } }));
  if (!found || found.revokedAt) return null;
  const { tenant, ...key } = found;
  return { tenant, key };
}

/** Notes that the key was used, at most once a minute per key. */
export async function touchApiKey(key: Pick<ApiKey, "id" | "tenantId" | "lastUsedAt">, now = new Date()): Promise<void> {
  if (key.lastUsedAt && now.getTime() - key.lastUsedAt.getTime() < touchIntervalMs) return;
  const before = new Date(now.getTime() - touchIntervalMs);
  await withTenant(key.tenantId, (tx) =>
    tx.apiKey.updateMany({
      where: { id: key.id, tenantId: key.tenantId, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: before } }] },
      data: { lastUsedAt: now },
    }),
  );
}

/** How a key appears in the audit log: its name and prefix. */
export const apiKeyLabel = (key: Pick<ApiKey, "name" | "prefix">) => `${key.name} (${key.prefix}…)`;

function view(key: ApiKey): ApiKeyView {
  return { id: key.id, name: key.name, prefix: key.prefix, createdAt: key.createdAt, lastUsedAt: key.lastUsedAt, revokedAt: key.revokedAt };
}
