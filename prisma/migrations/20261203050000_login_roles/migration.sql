-- The app's own logins (lib/db/client.ts). The app used to connect as the owner and
-- switch to inzage_app, while being a member of inzage_platform as well, so one SQL
-- injection could SET ROLE past row-level security. Now it has two pools:
--   inzage_app_login       withTenant and the rest of the app; a member of inzage_app only
--   inzage_platform_login  withPlatform; a member of inzage_platform only
-- Neither is superuser, owner of a table, or may create roles or databases. The owner
-- (DATABASE_URL) keeps running migrations, backups and restores.
--
-- The roles have no password here: development and CI machines use trust
-- authentication. In production set one (ALTER ROLE inzage_app_login PASSWORD '…') and
-- give the app DATABASE_APP_URL and DATABASE_PLATFORM_URL, or create the roles (or
-- other logins with the same memberships) before migrating: existing roles are kept.
-- Roles belong to the whole server and databases may be migrated at once (tests run in
-- parallel); whoever loses a race finds the role there.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'inzage_app_login') THEN
    BEGIN
      CREATE ROLE inzage_app_login LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS INHERIT;
    EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
    END;
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'inzage_platform_login') THEN
    BEGIN
      CREATE ROLE inzage_platform_login LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS INHERIT;
    EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
    END;
  END IF;
  IF NOT pg_has_role('inzage_app_login', 'inzage_app', 'MEMBER') THEN
    BEGIN
      GRANT inzage_app TO inzage_app_login;
    EXCEPTION WHEN OTHERS THEN
      IF NOT pg_has_role('inzage_app_login', 'inzage_app', 'MEMBER') THEN RAISE; END IF;
    END;
  END IF;
  IF NOT pg_has_role('inzage_platform_login', 'inzage_platform', 'MEMBER') THEN
    BEGIN
      GRANT inzage_platform TO inzage_platform_login;
    EXCEPTION WHEN OTHERS THEN
      IF NOT pg_has_role('inzage_platform_login', 'inzage_platform', 'MEMBER') THEN RAISE; END IF;
    END;
  END IF;
  -- The tenant login must never reach the platform role, the owner or a superuser.
  IF pg_has_role('inzage_app_login', 'inzage_platform', 'MEMBER')
     OR pg_has_role('inzage_app_login', current_user, 'MEMBER')
     OR (SELECT rolsuper OR rolbypassrls FROM pg_roles WHERE rolname = 'inzage_app_login') THEN
    RAISE EXCEPTION 'inzage_app_login may be a member of inzage_app only (and neither superuser nor BYPASSRLS)';
  END IF;
  -- PUBLIC may connect by default; an owner of the tables that does not own the database leaves that to its owner.
  BEGIN
    EXECUTE format('GRANT CONNECT ON DATABASE %I TO inzage_app_login, inzage_platform_login', current_database());
  EXCEPTION WHEN insufficient_privilege THEN NULL;
  END;
END
$$;
