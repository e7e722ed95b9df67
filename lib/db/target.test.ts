import { describe, expect, it } from "vitest";
import { appLogins, databaseTarget } from "./target";

describe("the app's database logins", () => {
  it("default to the owner's server and database with the login roles and no password", () => {
    const logins = appLogins("postgresql://owner:secret@db.internal:5433/inzage?sslmode=require", {});
    expect(logins).toEqual({
      tenantUrl: "postgresql://inzage_app_login@db.internal:5433/inzage?sslmode=require",
      platformUrl: "postgresql://inzage_platform_login@db.internal:5433/inzage?sslmode=require",
    });
  });

  it("come from DATABASE_APP_URL and DATABASE_PLATFORM_URL when set", () => {
    const env = { DATABASE_APP_URL: "postgresql://app:pw@h/db", DATABASE_PLATFORM_URL: "postgresql://platform:pw@h/db" };
    expect(appLogins("postgresql://owner@h/db", env)).toEqual({ tenantUrl: env.DATABASE_APP_URL, platformUrl: env.DATABASE_PLATFORM_URL });
  });
});

describe("the embedded database's starting point", () => {
  it("an in-memory database may start from a dump (PGLITE_LOAD_DATA_DIR)", () => {
    expect(databaseTarget({ PGLITE_DATA_DIR: "memory://", PGLITE_LOAD_DATA_DIR: "/tmp/template.tar" })).toEqual({
      kind: "pglite",
      dataDir: "memory://",
      loadFrom: "/tmp/template.tar",
    });
    expect(databaseTarget({ PGLITE_DATA_DIR: "memory://" })).toEqual({ kind: "pglite", dataDir: "memory://" });
  });

  it("a data directory on disk may not: it would be overwritten", () => {
    expect(() => databaseTarget({ PGLITE_DATA_DIR: "data/pglite", PGLITE_LOAD_DATA_DIR: "/tmp/template.tar" })).toThrow(/in-memory database only/);
  });
});
