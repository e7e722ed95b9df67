import { createWriteStream } from "node:fs";
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { writeBackup } from "@/lib/db/backup";
import { openRaw } from "@/lib/db/raw";
import { databaseTarget, describeTarget } from "@/lib/db/target";

/**
 * npm run db:backup [file] — writes a backup of the configured database (default
 * backups/inzage-<time>.backup.gz). Stop the app first when it uses the embedded
 * database, which one process at a time may open.
 */
const target = databaseTarget();
const file = path.resolve(process.argv[2] ?? `backups/inzage-${new Date().toISOString().replace(/[:.]/g, "-")}.backup.gz`);
await mkdir(path.dirname(file), { recursive: true });
const raw = await openRaw(target);
try {
  const { tables, rows } = await writeBackup(raw, createWriteStream(file));
  console.log(`Backed up ${rows} rows in ${tables} tables of ${describeTarget(target)} to ${file}`);
} finally {
  await raw.close();
}
