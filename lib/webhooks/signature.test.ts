import { randomBytes } from "node:crypto";
import { Webhook } from "standardwebhooks";
import { describe, expect, it } from "vitest";
import { standardHeaders, standardSecret } from "./signature";

describe("standardSecret", () => {
  it("keeps the bytes of a generated secret, written in standard base64", () => {
    const bytes = randomBytes(24);
    const secret = `whsec_${bytes.toString("base64url")}`;
    expect(standardSecret(secret)).toBe(`whsec_${bytes.toString("base64")}`);
  });

  it("keys a secret of another form by its UTF-8 bytes, so two secrets never share a key", () => {
    expect(standardSecret("whsec_test_secret")).toBe(`whsec_${Buffer.from("whsec_test_secret").toString("base64")}`);
    expect(standardSecret("whsec_test_secres")).not.toBe(standardSecret("whsec_test_secret"));
  });
});

describe("standardHeaders", () => {
  it("gives headers the standardwebhooks library accepts, and only for that secret and body", () => {
    const secret = `whsec_${randomBytes(24).toString("base64url")}`;
    const body = JSON.stringify({ id: "evt_1", type: "request.created" });
    const headers = standardHeaders(secret, "evt_1", Math.floor(Date.now() / 1000), body);
    expect(new Webhook(standardSecret(secret)).verify(body, headers)).toEqual({ id: "evt_1", type: "request.created" });
    expect(() => new Webhook(standardSecret(`whsec_${randomBytes(24).toString("base64url")}`)).verify(body, headers)).toThrow();
    expect(() => new Webhook(standardSecret(secret)).verify(body.replace("evt_1", "evt_2"), headers)).toThrow();
  });
});
