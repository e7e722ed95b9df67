import { disconnect } from "@/lib/db/client";
import { runDueDeliveries } from "@/lib/webhooks/worker";

/**
 * npm run worker — sends webhook deliveries from the outbox until stopped. The app
 * runs the same loop itself (instrumentation.ts); a separate worker suits a deployment
 * on PostgreSQL with several app processes. `--once` sends what is due and exits.
 */
const once = process.argv.includes("--once");
let running = true;
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => (running = false));

do {
  const sent = await runDueDeliveries();
  if (!once && sent === 0) await new Promise((resolve) => setTimeout(resolve, 1000));
} while (running && !once);
await disconnect();
