import { runDueErasures } from "@/lib/erasure/erasure";
import { pruneRateLimits } from "@/lib/rate-limit";
import { notifyLapsedRequests } from "@/lib/requests/lapse";
import { sendReminderDigests } from "@/lib/requests/reminders";
import { webhookPool } from "@/lib/webhooks/worker";

/**
 * Work the server does on a timer: sending webhook deliveries from the outbox, and
 * the jobs in `jobs` below. Each job runs at most once at a time; a failure is logged
 * and the next tick tries again.
 */
interface Job {
  name: string;
  everyMs: number;
  run: () => Promise<unknown>;
}

const jobs: Job[] = [
  // Starts what is due without waiting for it; the pool claims more as deliveries finish.
  { name: "webhook deliveries", everyMs: 1_000, run: () => webhookPool().fill() },
  // Sends at most one digest per person and day, so checking often is harmless.
  { name: "reminder digests", everyMs: 10 * 60_000, run: () => sendReminderDigests() },
  { name: "rate limit counters", everyMs: 60 * 60_000, run: () => pruneRateLimits() },
  // Approved erasures whose grace period has passed (lib/erasure/erasure.ts).
  { name: "due erasures", everyMs: 60_000, run: () => runDueErasures() },
  // Unconfirmed web requests past their link's validity: their address is told once (lib/requests/lapse.ts).
  { name: "lapsed requests", everyMs: 10 * 60_000, run: () => notifyLapsedRequests() },
];

export function registerJob(job: Job): void {
  jobs.push(job);
}

export function startBackgroundJobs(): void {
  const state = globalThis as typeof globalThis & { __inzageJobsStarted?: boolean };
  if (state.__inzageJobsStarted) return;
  state.__inzageJobsStarted = true;
  for (const job of jobs) {
    let running = false;
    setInterval(async () => {
      if (running) return;
      running = true;
      try {
        await job.run();
      } catch (error) {
        console.error(`background job "${job.name}" failed:`, error);
      } finally {
        running = false;
      }
    }, job.everyMs).unref();
  }
}
