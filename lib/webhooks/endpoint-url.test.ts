import { describe, expect, it } from "vitest";
import { addressProblem, allowedNetworks, checkEndpointUrl, guardedLookup } from "./endpoint-url";

const none = allowedNetworks("");
const resolvesTo = (...addresses: string[]) => async () => addresses;

describe("webhook target addresses", () => {
  it.each([
    // IPv4
    "127.0.0.1", "127.1.2.3", "0.0.0.0", "0.1.2.3", "10.0.0.1", "172.16.5.4", "192.168.1.1", "169.254.169.254",
    "100.64.0.1", "224.0.0.1", "255.255.255.255", "192.0.2.1", "198.51.100.1", "203.0.113.7", "198.18.0.1", "240.0.0.1", "192.0.0.8",
    // IPv6, and IPv4 written inside it
    "::1", "::", "fe80::1", "fc00::1", "fd12:3456::1", "ff02::1", "2001:db8::1", "fec0::1", "100::1",
    "::ffff:7f00:1", "::ffff:127.0.0.1", "0:0:0:0:0:ffff:7f00:1", "::ffff:10.0.0.1", "::ffff:169.254.169.254", "::7f00:1", "::ffff:0:7f00:1",
    "64:ff9b::7f00:1", "64:ff9b::a00:1", "64:ff9b:1::a00:1", "2002:7f00:1::", "2002:c0a8:101::1", "2001:0:4136:e378:8000:63bf:3fff:fdd2",
    "4000::1", "not an address",
  ])("refuses %s", (address) => {
    expect(addressProblem(address, "https:", none)).toBe("privateAddress");
  });

  it.each(["93.184.216.34", "8.8.8.8", "2606:4700:4700::1111", "::ffff:93.184.216.34"])("allows the public address %s over https only", (address) => {
    expect(addressProblem(address, "https:", none)).toBeNull();
    expect(addressProblem(address, "http:", none)).toBe("httpsRequired");
  });

  it("allows the operator's networks, over http too, and nothing next to them", () => {
    const networks = allowedNetworks("127.0.0.1/32, 10.0.0.0/8,fd00::/8");
    expect(networks.map((n) => n.cidr)).toEqual(["127.0.0.1/32", "10.0.0.0/8", "fd00::/8"]);
    for (const address of ["127.0.0.1", "::ffff:127.0.0.1", "10.20.30.40", "fd12::1"]) {
      expect(addressProblem(address, "http:", networks), address).toBeNull();
      expect(addressProblem(address, "https:", networks), address).toBeNull();
    }
    for (const address of ["127.0.0.2", "::1", "192.168.0.1", "fc00::1", "11.0.0.1"]) {
      expect(addressProblem(address, "http:", networks), address).not.toBeNull();
    }
  });

  it("takes a single address as that address, and refuses a malformed entry by name", () => {
    expect(allowedNetworks("192.0.2.10").map((n) => n.cidr)).toEqual(["192.0.2.10/32"]);
    expect(() => allowedNetworks("10.0.0.0/8,intranet")).toThrow(/"intranet"/);
  });
});

describe("checkEndpointUrl (when an endpoint is saved)", () => {
  it.each([
    "https://[::ffff:7f00:1]/hook",
    "https://[::ffff:127.0.0.1]/hook",
    "https://[0:0:0:0:0:ffff:7f00:1]/hook",
    "https://[64:ff9b::a9fe:a9fe]/latest/meta-data",
    "https://127.0.0.1/hook",
    "https://2130706433/hook",
    "https://0x7f.1/hook",
    "https://[::1]:8443/hook",
    "https://169.254.169.254/latest/meta-data",
  ])("refuses the literal %s", async (url) => {
    expect(await checkEndpointUrl(url, none, resolvesTo("93.184.216.34"))).toBe("privateAddress");
  });

  it("refuses a name when any of its addresses is private", async () => {
    expect(await checkEndpointUrl("https://hooks.example.com/x", none, resolvesTo("93.184.216.34", "10.0.0.7"))).toBe("privateAddress");
    expect(await checkEndpointUrl("https://hooks.example.com/x", none, resolvesTo("93.184.216.34"))).toBeNull();
  });

  it("wants https, and http only into an allowed network (localhost is not special)", async () => {
    expect(await checkEndpointUrl("http://hooks.example.com/x", none, resolvesTo("93.184.216.34"))).toBe("httpsRequired");
    expect(await checkEndpointUrl("http://localhost:4000/x", none, resolvesTo("127.0.0.1"))).toBe("privateAddress");
    expect(await checkEndpointUrl("http://localhost:4000/x", allowedNetworks("127.0.0.1/32"), resolvesTo("127.0.0.1"))).toBeNull();
    expect(await checkEndpointUrl("ftp://hooks.example.com/x", none)).toBe("invalidUrl");
    expect(await checkEndpointUrl("https://user:pw@hooks.example.com/x", none)).toBe("invalidUrl");
  });

  it("saves an https name that does not resolve yet; each delivery checks it", async () => {
    expect(await checkEndpointUrl("https://not-yet.example.com/x", none, resolvesTo())).toBeNull();
    expect(await checkEndpointUrl("http://not-yet.example.com/x", none, resolvesTo())).toBe("httpsRequired");
  });
});

describe("guardedLookup (when a delivery connects)", () => {
  const lookupOf = (networks = none) =>
    new Promise<unknown>((resolve) => guardedLookup("http:", networks)("localhost", { all: true }, (error, addresses) => resolve(error ?? addresses)));

  it("fails the connection when the name resolves to a refused address", async () => {
    expect(await lookupOf()).toMatchObject({ problem: "privateAddress" });
  });

  it("hands over the addresses when they are allowed", async () => {
    expect(await lookupOf(allowedNetworks("127.0.0.0/8,::1/128"))).toEqual(expect.arrayContaining([{ address: "127.0.0.1", family: 4 }]));
  });
});
