import { describe, expect, it } from "vitest";
import { linkOnPublicOrigin } from "./sign-in-mail";

describe("linkOnPublicOrigin", () => {
  const link = (origin: string) =>
    `${origin}/api/auth/callback/email?callbackUrl=${encodeURIComponent(`${origin}/nl/admin?x=1`)}&token=abc&email=owner%40example.com`;

  it("puts a link that Auth.js built from a forged Host on the platform's own address", () => {
    const mailed = new URL(linkOnPublicOrigin(link("http://evil.example:3000"), "https://inzage.example"));
    expect(mailed.origin).toBe("https://inzage.example");
    expect(mailed.pathname).toBe("/api/auth/callback/email");
    expect(mailed.searchParams.get("callbackUrl")).toBe("https://inzage.example/nl/admin?x=1");
    expect(mailed.searchParams.get("token")).toBe("abc");
    expect(mailed.searchParams.get("email")).toBe("owner@example.com");
  });

  it("leaves a link on the platform's address as it is", () => {
    expect(linkOnPublicOrigin(link("http://localhost:3210"), "http://localhost:3210")).toBe(link("http://localhost:3210"));
  });
});
