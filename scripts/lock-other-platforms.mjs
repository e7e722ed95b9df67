// The npm registry these machines reach lacks the native binaries of other platforms
// (macOS, Windows, ...), so `npm install` leaves them out of package-lock.json and
// `npm ci` then refuses the lock file. This adds lock entries for those optional
// packages, marked with their os and cpu, so npm ci skips them on Linux without
// fetching. Run it after `npm install`: node scripts/lock-other-platforms.mjs
import { readFileSync, writeFileSync } from "node:fs";

const lock = JSON.parse(readFileSync("package-lock.json", "utf8"));
const packages = lock.packages;
const osNames = ["darwin", "win32", "linux", "android", "freebsd", "sunos", "openbsd"];
const cpus = { arm64: "arm64", x64: "x64", ia32: "ia32", arm: "arm", ppc64: "ppc64", s390x: "s390x", riscv64: "riscv64", wasm32: "wasm32", loong64: "loong64" };
let added = 0;

for (const [location, entry] of Object.entries(packages)) {
  for (const [name, range] of Object.entries(entry.optionalDependencies ?? {})) {
    const nested = `${location ? `${location}/` : ""}node_modules/${name}`;
    if (packages[nested] || packages[`node_modules/${name}`]) continue;
    const tokens = name.split("/").pop().split("-");
    const os = tokens.find((t) => osNames.includes(t));
    const cpu = tokens.map((t) => cpus[t]).find(Boolean);
    if (!cpu || (!os && cpu !== "wasm32")) {
      console.warn(`left out ${name}: cannot tell its platform`);
      continue;
    }
    const version = range.replace(/^[\^~=]/, "");
    const base = name.split("/").pop();
    packages[`node_modules/${name}`] = {
      version,
      resolved: `https://registry.npmjs.org/${name}/-/${base}-${version}.tgz`,
      optional: true,
      ...(os ? { os: [os] } : {}),
      cpu: [cpu],
    };
    added++;
  }
}
writeFileSync("package-lock.json", JSON.stringify(lock, null, 2) + "\n");
console.log(`added ${added} lock entries for other platforms`);
