import { disconnect } from "@/lib/db/client";
import { databaseTarget, describeTarget } from "@/lib/db/target";
import { demoTenants } from "@/prisma/seed/demo-tenants";
import { seedDemoTenants } from "@/prisma/seed/seed";

/** npm run db:seed — loads the demo tenants; running it again changes nothing. */
export async function runSeed(): Promise<void> {
  try {
    const { created, existing } = await seedDemoTenants(demoTenants);
    console.log(`Database: ${describeTarget(databaseTarget())}`);
    console.log(`Demo tenants created: ${created.join(", ") || "none"}; already there: ${existing.join(", ") || "none"}.`);
  } finally {
    await disconnect();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  runSeed().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
