import { describe, expect, it } from "vitest";
import { clientAddress } from "./client-address";

const from = (forwardedFor?: string, realIp?: string) =>
  new Headers({ ...(forwardedFor !== undefined ? { "x-forwarded-for": forwardedFor } : {}), ...(realIp ? { "x-real-ip": realIp } : {}) });

describe("clientAddress", () => {
  it("takes the address the nearest trusted proxy appended, not what the client put in front", () => {
    expect(clientAddress(from("6.6.6.6, 198.51.100.7"), 1)).toBe("198.51.100.7");
    expect(clientAddress(from("6.6.6.6, 198.51.100.7, 10.0.0.2"), 2)).toBe("198.51.100.7");
  });

  it("uses the only entry when the app is reached directly", () => {
    expect(clientAddress(from("198.51.100.7"), 0)).toBe("198.51.100.7");
    expect(clientAddress(from("6.6.6.6, 198.51.100.7"), 0)).toBe("198.51.100.7");
  });

  it("falls back to the first entry when there are fewer entries than proxies", () => {
    expect(clientAddress(from("198.51.100.7"), 3)).toBe("198.51.100.7");
  });

  it("ignores empty entries and falls back to X-Real-IP, or nothing", () => {
    expect(clientAddress(from(" , 198.51.100.7 ,"), 1)).toBe("198.51.100.7");
    expect(clientAddress(from(undefined, "192.0.2.4"), 1)).toBe("192.0.2.4");
    expect(clientAddress(from(""), 1)).toBeNull();
  });

  it("reads the number of proxies from TRUSTED_PROXIES", () => {
    const before = process.env.TRUSTED_PROXIES;
    try {
      process.env.TRUSTED_PROXIES = "2";
      expect(clientAddress(from("6.6.6.6, 198.51.100.7, 10.0.0.2"))).toBe("198.51.100.7");
      process.env.TRUSTED_PROXIES = "nonsense";
      expect(clientAddress(from("6.6.6.6, 198.51.100.7, 10.0.0.2"))).toBe("10.0.0.2");
    } finally {
      if (before === undefined) delete process.env.TRUSTED_PROXIES;
      else process.env.TRUSTED_PROXIES = before;
    }
  });
});
