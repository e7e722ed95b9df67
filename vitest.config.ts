import net from "node:net";
import path from "node:path";
import { defineConfig } from "vitest/config";

const root = path.dirname(new URL(import.meta.url).pathname);

/** The PostgreSQL server for integration tests: TEST_DATABASE_URL, or the local one when it answers. */
async function postgresForTests(): Promise<string | null> {
  if (process.env.TEST_DATABASE_URL) return process.env.TEST_DATABASE_URL;
  if (process.env.SKIP_POSTGRES_TESTS) return null;
  const reachable = await new Promise<boolean>((resolve) => {
    const socket = net.connect({ host: "127.0.0.1", port: 5432 });
    socket.setTimeout(500);
    socket.once("connect", () => (socket.destroy(), resolve(true)));
    socket.once("error", () => resolve(false));
    socket.once("timeout", () => (socket.destroy(), resolve(false)));
  });
  return reachable ? "postgresql://postgres@127.0.0.1:5432/postgres" : null;
}

export default defineConfig(async () => {
  const postgres = await postgresForTests();
  const shared = {
    resolve: { alias: { "@": root, "server-only": path.join(root, "test/server-only-stub.ts") } },
    // next-auth imports "next/server" without a file extension, which Node's ESM loader refuses.
    test: { server: { deps: { inline: ["next-auth"] } } },
  };
  const integration = ["**/*.int.test.ts"];
  const excluded = ["node_modules/**", ".next/**", "e2e/**", "data/**"];
  return {
    test: {
      projects: [
        { ...shared, test: { ...shared.test, name: "unit", include: ["**/*.test.ts"], exclude: [...excluded, ...integration] } },
        {
          ...shared,
          test: {
            ...shared.test,
            name: "pglite",
            include: integration,
            exclude: excluded,
            env: { TEST_DB: "pglite" },
            // Migrates once into a template that each file's database copies (test/db-template.ts).
            globalSetup: ["test/global-setup.ts"],
            testTimeout: 30_000,
            hookTimeout: 60_000,
          },
        },
        ...(postgres
          ? [
              {
                ...shared,
                test: {
                  ...shared.test,
                  name: "postgres",
                  include: integration,
                  exclude: excluded,
                  env: { TEST_DB: "postgres", TEST_DATABASE_ADMIN_URL: postgres },
                  globalSetup: ["test/global-setup.ts"],
                  testTimeout: 30_000,
                  hookTimeout: 60_000,
                },
              },
            ]
          : []),
      ],
    },
  };
});
