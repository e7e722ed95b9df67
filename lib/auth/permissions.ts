import type { Role } from "@/generated/prisma/enums";

/** What each role in a tenant may do. The server checks these on every action. */

export const roles = ["OWNER", "ADMIN", "EDITOR", "VIEWER"] as const satisfies readonly Role[];

export type Permission =
  | "tenant.view"
  | "statement.edit"
  | "statement.publish"
  | "team.manage"
  | "settings.edit"
  | "requests.view"
  | "requests.handle"
  | "integrations.manage"
  | "audit.view";

const allowed: Record<Permission, readonly Role[]> = {
  "tenant.view": ["OWNER", "ADMIN", "EDITOR", "VIEWER"],
  "statement.edit": ["OWNER", "ADMIN", "EDITOR"],
  "statement.publish": ["OWNER", "ADMIN"],
  "team.manage": ["OWNER", "ADMIN"],
  "settings.edit": ["OWNER", "ADMIN"],
  "requests.view": ["OWNER", "ADMIN", "EDITOR", "VIEWER"],
  "requests.handle": ["OWNER", "ADMIN"],
  "integrations.manage": ["OWNER", "ADMIN"],
  "audit.view": ["OWNER", "ADMIN"],
};

export function can(role: Role, permission: Permission): boolean {
  return allowed[permission].includes(role);
}

/**
 * Whether actor may give a member with role `from` the role `to` (or remove them, with
 * to = null). Admins manage everyone but owners, and cannot make owners.
 */
export function canAssignRole(actor: Role, from: Role | null, to: Role | null): boolean {
  if (!can(actor, "team.manage")) return false;
  if (actor === "OWNER") return true;
  return from !== "OWNER" && to !== "OWNER";
}
