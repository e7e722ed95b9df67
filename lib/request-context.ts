/** Request headers that proxy.ts sets for the pages; a visitor's own values are replaced. */
export const requestHeaders = {
  /** The path and query as the visitor asked for them, before any rewrite. */
  path: "x-inzage-path",
  /** The tenant slug when the visitor came in on the tenant's own host. */
  tenantHost: "x-inzage-tenant-host",
  /** Why proxy.ts answered "not found" before routing: "tenant" for an unknown tenant, "page" otherwise. */
  notFound: "x-inzage-not-found",
} as const;
