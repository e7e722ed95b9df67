import { describe, expect, it } from "vitest";
import { clientAddress } from "./client-address";
import { normaliseAddress, withSocketAddress } from "./forwarded-for";

const from = (forwardedFor?: string) => new Headers(forwardedFor !== undefined ? { "x-forwarded-for": forwardedFor } : {});

/** The header as the app's server hands it on: what arrived, then the socket's address. */
const arriving = (sent: string | undefined, socket: string) => from(withSocketAddress(sent, socket));

describe("withSocketAddress (scripts/server.js)", () => {
  it("appends the socket's address as a proxy would, after whatever the client sent", () => {
    expect(withSocketAddress(undefined, "198.51.100.7")).toBe("198.51.100.7");
    expect(withSocketAddress("", "198.51.100.7")).toBe("198.51.100.7");
    expect(withSocketAddress("6.6.6.6", "198.51.100.7")).toBe("6.6.6.6, 198.51.100.7");
    expect(withSocketAddress(["6.6.6.6", "7.7.7.7"], "198.51.100.7")).toBe("6.6.6.6,7.7.7.7, 198.51.100.7");
  });

  it("writes an IPv4 address that reached an IPv6 socket as IPv4", () => {
    expect(withSocketAddress("6.6.6.6", "::ffff:127.0.0.1")).toBe("6.6.6.6, 127.0.0.1");
    expect(withSocketAddress(undefined, "::1")).toBe("::1");
  });

  it("drops the header when the socket has no address, so that nothing the client wrote is taken", () => {
    expect(withSocketAddress("6.6.6.6", undefined)).toBeUndefined();
  });
});

describe("normaliseAddress", () => {
  it("unwraps IPv4-mapped addresses and lowercases IPv6", () => {
    expect(normaliseAddress(" ::FFFF:192.0.2.4 ")).toBe("192.0.2.4");
    expect(normaliseAddress("2001:DB8::1")).toBe("2001:db8::1");
    expect(normaliseAddress("192.0.2.4")).toBe("192.0.2.4");
  });
});

describe("clientAddress", () => {
  it("reached directly (no proxy, the default), a forged X-Forwarded-For does not choose the address", () => {
    expect(clientAddress(arriving("6.6.6.6", "::ffff:198.51.100.7"), 0)).toBe("198.51.100.7");
    expect(clientAddress(arriving("6.6.6.6, 7.7.7.7", "198.51.100.7"), 0)).toBe("198.51.100.7");
    expect(clientAddress(arriving(undefined, "198.51.100.7"), 0)).toBe("198.51.100.7");
  });

  it("behind proxies, takes the address the outermost trusted proxy appended, not what the client put in front", () => {
    // Client 198.51.100.7 → proxy 10.0.0.2 (appends the client) → the app (appends the proxy).
    expect(clientAddress(arriving("6.6.6.6, 198.51.100.7", "10.0.0.2"), 1)).toBe("198.51.100.7");
    // Client → proxy 10.0.0.3 → proxy 10.0.0.2 → the app.
    expect(clientAddress(arriving("6.6.6.6, 198.51.100.7, 10.0.0.3", "10.0.0.2"), 2)).toBe("198.51.100.7");
  });

  it("falls back to the first entry when there are fewer entries than proxies", () => {
    expect(clientAddress(arriving(undefined, "198.51.100.7"), 3)).toBe("198.51.100.7");
  });

  it("ignores empty entries, normalises the one it takes, and has nothing without a header", () => {
    expect(clientAddress(from(" , 198.51.100.7 ,"), 0)).toBe("198.51.100.7");
    expect(clientAddress(from("::ffff:198.51.100.7, 10.0.0.2"), 1)).toBe("198.51.100.7");
    expect(clientAddress(from(""), 0)).toBeNull();
    expect(clientAddress(new Headers({ "x-real-ip": "6.6.6.6" }), 0)).toBeNull();
  });

  it("reads the number of proxies from TRUSTED_PROXIES, 0 when unset or not a number", () => {
    const before = process.env.TRUSTED_PROXIES;
    const headers = arriving("6.6.6.6, 198.51.100.7, 10.0.0.3", "10.0.0.2");
    try {
      process.env.TRUSTED_PROXIES = "2";
      expect(clientAddress(headers)).toBe("198.51.100.7");
      process.env.TRUSTED_PROXIES = "nonsense";
      expect(clientAddress(headers)).toBe("10.0.0.2");
      delete process.env.TRUSTED_PROXIES;
      expect(clientAddress(headers)).toBe("10.0.0.2");
    } finally {
      if (before === undefined) delete process.env.TRUSTED_PROXIES;
      else process.env.TRUSTED_PROXIES = before;
    }
  });
});
