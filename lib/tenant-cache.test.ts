import { describe, expect, it } from "vitest";
import { TenantCache } from "./tenant-cache";

describe("TenantCache", () => {
  it("loads once, then serves from memory until the tenant is forgotten", async () => {
    const cache = new TenantCache<number>();
    let loads = 0;
    const load = async () => ++loads;
    expect(await cache.get("a", "k", load)).toBe(1);
    expect(await cache.get("a", "k", load)).toBe(1);
    cache.forget("a");
    expect(await cache.get("a", "k", load)).toBe(2);
  });

  it("does not keep failures", async () => {
    const cache = new TenantCache<number>();
    await expect(cache.get("a", "k", async () => Promise.reject(new Error("down")))).rejects.toThrow("down");
    expect(await cache.get("a", "k", async () => 7)).toBe(7);
  });

  it("drops the least recently used tenant beyond its limit", async () => {
    const cache = new TenantCache<string>(2);
    await cache.get("a", "k", async () => "a1");
    await cache.get("b", "k", async () => "b1");
    await cache.get("a", "k", async () => "a2");
    await cache.get("c", "k", async () => "c1");
    expect(await cache.get("a", "k", async () => "a3")).toBe("a1");
    expect(await cache.get("b", "k", async () => "b2")).toBe("b2");
  });
});
