import { disconnect } from "@/lib/db/client";
import { runDueDeliveries, webhookPool } from "@/lib/webhooks/worker";

/**
 * npm run worker — sends webhook deliveries from the outbox until stopped. The app
 * runs the same pool itself (instrumentation.ts); a separate worker suits a deployment
 * on PostgreSQL with several app processes. `--once` sends what is due and exits.
 * Stopped, it finishes the deliveries in flight first.
 */
const once = process.argv.includes("--once");
let running = true;
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => (running = false));

if (once) await runDueDeliveries();
else {
  const pool = webhookPool();
  while (running) {
    await pool.fill().catch((error) => console.error("claiming webhook deliveries failed:", error));
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  await pool.drain();
}
await disconnect();
