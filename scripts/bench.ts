import { benchExport } from "./bench/export";
import { benchInbox } from "./bench/inbox";
import { benchPortalLoad } from "./bench/portal-load";
import { benchStatement } from "./bench/statement";

/**
 * npm run bench [name] — run `npm run build` first. Prints figures, asserts nothing.
 * Names: statement, export, inbox, load (the load test takes two minutes).
 */
const only = process.argv[2];
const benches: Record<string, () => Promise<void>> = { statement: benchStatement, export: benchExport, inbox: benchInbox, load: benchPortalLoad };

for (const [name, run] of Object.entries(benches)) {
  if (only && only !== name) continue;
  await run();
}
process.exit(0);
