import { createHash, randomInt } from "node:crypto";
import type { Tenant } from "@/generated/prisma/client";
import type { TenantTx } from "@/lib/db/tenant-db";

/**
 * Request references such as "R-7KQ2-9XMD": easy to read aloud and to type over, so
 * no 0/O, 1/I/L or U. 30^8 (about 6.6e11) possibilities; unique per tenant.
 */
export const referenceAlphabet = "23456789ABCDEFGHJKMNPQRSTVWXYZ";
export const referencePattern = /^R-[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{4}$/;

export function randomReference(): string {
  const pick = () => Array.from({ length: 4 }, () => referenceAlphabet[randomInt(referenceAlphabet.length)]).join("");
  return `R-${pick()}-${pick()}`;
}

/** What a person typed, tidied: upper case, spaces and missing dashes forgiven. */
export function normalizeReference(input: string): string | null {
  const compact = input.toUpperCase().replace(/[^0-9A-Z]/g, "").replace(/^R/, "");
  if (compact.length !== 8) return null;
  const reference = `R-${compact.slice(0, 4)}-${compact.slice(4)}`;
  return referencePattern.test(reference) ? reference : null;
}

export async function newReference(tx: TenantTx, tenantId: string): Promise<string> {
  for (;;) {
    const reference = randomReference();
    const taken = await tx.dataRequest.findFirst({ where: { tenantId, reference }, select: { id: true } });
    if (!taken) return reference;
  }
}

/** The salted hash of a requester's address that outlives an erasure: sha256(hashSalt + lowercased address), hex. */
export function requesterEmailHash(tenant: Pick<Tenant, "hashSalt">, email: string): string {
  return createHash("sha256").update(tenant.hashSalt + email.trim().toLowerCase()).digest("hex");
}
