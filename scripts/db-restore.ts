import { createReadStream } from "node:fs";
import path from "node:path";
import { BackupError, restoreBackup } from "@/lib/db/backup";
import { openRaw } from "@/lib/db/raw";
import { databaseTarget, describeTarget } from "@/lib/db/target";

/**
 * npm run db:restore <file> — replaces all data of the configured database with the
 * backup's, in one transaction: on any error nothing changes. The database must be at
 * the same migration as the backup. Stop the app first.
 */
const file = process.argv[2];
if (!file) {
  console.error("Usage: npm run db:restore <backup file>");
  process.exit(2);
}
const target = databaseTarget();
const raw = await openRaw(target);
try {
  const { tables, rows } = await restoreBackup(raw, createReadStream(path.resolve(file)));
  console.log(`Restored ${rows} rows in ${tables} tables into ${describeTarget(target)}`);
} catch (error) {
  console.error(error instanceof BackupError ? `Restore refused: ${error.message}` : error);
  process.exitCode = 1;
} finally {
  await raw.close();
}
