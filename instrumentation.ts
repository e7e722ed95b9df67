/** Per server process (not during `next build`): follows other processes' tenant changes and starts the background jobs. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { followTenantChanges } = await import("./lib/tenant-changes");
  followTenantChanges();
  if (process.env.INZAGE_BACKGROUND_JOBS === "0") return;
  const { startBackgroundJobs } = await import("./lib/jobs/background");
  startBackgroundJobs();
}
