import { describe, expect, it } from "vitest";
import { useTestDatabase } from "@/test/database";
import { hit, pruneRateLimits } from "./rate-limit";

useTestDatabase();

const limit = { name: "test", max: 3, windowSeconds: 60 };

describe("rate limits in the database", () => {
  it("allows up to the limit per key and window, then says how long to wait", async () => {
    const now = Date.UTC(2030, 0, 1, 12, 0, 10);
    const results = [];
    for (let i = 0; i < 4; i++) results.push(await hit(limit, "a@example.com", now));
    expect(results.map((r) => r.allowed)).toEqual([true, true, true, false]);
    expect(results[3].retryAfterSeconds).toBe(50);
    expect((await hit(limit, "b@example.com", now)).allowed).toBe(true);
    expect((await hit(limit, "A@EXAMPLE.COM", now)).allowed).toBe(false);
    expect((await hit(limit, "a@example.com", now + 60_000)).allowed).toBe(true);
  });

  it("counts hits that arrive at the same time exactly", async () => {
    const now = Date.UTC(2030, 0, 2);
    const results = await Promise.all(Array.from({ length: 10 }, () => hit(limit, "burst", now)));
    expect(results.filter((r) => r.allowed)).toHaveLength(3);
  });

  it("prunes old windows", async () => {
    expect(await pruneRateLimits(new Date(Date.UTC(2031, 0, 1)))).toBeGreaterThan(0);
  });
});

describe("rate limits in Redis", async () => {
  const net = await import("node:net");
  const reachable = await new Promise<boolean>((resolve) => {
    const socket = net.connect({ host: "127.0.0.1", port: 6379 });
    socket.once("connect", () => (socket.destroy(), resolve(true)));
    socket.once("error", () => resolve(false));
  });

  it.runIf(reachable || process.env.REDIS_URL)("counts across processes the same way", async () => {
    process.env.REDIS_URL ??= "redis://127.0.0.1:6379";
    try {
      const key = `redis-${process.pid}-${Date.now()}`;
      const now = Date.now();
      const results = await Promise.all(Array.from({ length: 5 }, () => hit(limit, key, now)));
      expect(results.filter((r) => r.allowed)).toHaveLength(3);
    } finally {
      delete process.env.REDIS_URL;
    }
  });
});
