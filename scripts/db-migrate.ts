import { mkdir } from "node:fs/promises";
import { MigrationError, migrate } from "@/lib/db/migrate";
import { openRaw } from "@/lib/db/raw";
import { databaseTarget, describeTarget } from "@/lib/db/target";

/** npm run db:migrate — applies pending migrations to the configured database. */
export async function runMigrations(): Promise<void> {
  const target = databaseTarget();
  if (target.kind === "pglite" && !target.dataDir.startsWith("memory://")) await mkdir(target.dataDir, { recursive: true });
  const raw = await openRaw(target);
  try {
    const { applied, skipped } = await migrate(raw);
    console.log(`Database: ${describeTarget(target)}`);
    for (const name of applied) console.log(`  applied ${name}`);
    console.log(applied.length ? `${applied.length} migration(s) applied, ${skipped.length} already there.` : `Up to date (${skipped.length} migrations).`);
  } finally {
    await raw.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  runMigrations().catch((error: unknown) => {
    console.error(error instanceof MigrationError ? `Migration refused: ${error.message}` : error);
    process.exit(1);
  });
}
