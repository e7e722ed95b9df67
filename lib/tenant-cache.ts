/**
 * A per-process cache of values that belong to one tenant, dropped as a whole when
 * that tenant publishes or changes its details. Least recently used tenants go first
 * once maxTenants is reached. It lives on globalThis so every bundle of the Next.js
 * server shares one copy.
 */
export class TenantCache<V> {
  private readonly tenants = new Map<string, Map<string, Promise<V>>>();

  constructor(private readonly maxTenants = 1000) {}

  get(tenantId: string, key: string, load: () => Promise<V>): Promise<V> {
    let entries = this.tenants.get(tenantId);
    if (entries) {
      this.tenants.delete(tenantId);
      this.tenants.set(tenantId, entries);
    } else {
      entries = new Map();
      this.tenants.set(tenantId, entries);
      if (this.tenants.size > this.maxTenants) this.tenants.delete(this.tenants.keys().next().value!);
    }
    let value = entries.get(key);
    if (!value) {
      value = load();
      entries.set(key, value);
      value.catch(() => entries.delete(key));
    }
    return value;
  }

  forget(tenantId: string): void {
    this.tenants.delete(tenantId);
  }

  clear(): void {
    this.tenants.clear();
  }
}

export function sharedCache<V>(name: string, maxTenants?: number): TenantCache<V> {
  const registry = globalThis as typeof globalThis & { __inzageCaches?: Map<string, TenantCache<unknown>> };
  registry.__inzageCaches ??= new Map();
  let cache = registry.__inzageCaches.get(name) as TenantCache<V> | undefined;
  if (!cache) {
    cache = new TenantCache<V>(maxTenants);
    registry.__inzageCaches.set(name, cache as TenantCache<unknown>);
  }
  return cache;
}
