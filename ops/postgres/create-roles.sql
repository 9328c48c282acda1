-- Starfront: the two database roles and the database (docs/operations.md, "The two database roles").
--
-- Run once, as a superuser or as a managed service's admin role (it needs CREATEROLE and CREATEDB), connected to the
-- maintenance database:
--
--   psql "host=db.example port=5432 user=postgres dbname=postgres sslmode=require" \
--        -v owner_password="$OWNER_PASSWORD" -v app_password="$APP_PASSWORD" -f ops/postgres/create-roles.sql
--
-- Optional variables: -v db=starfront -v owner_role=starfront_owner -v app_role=starfront_app.
-- Then run the app's migrate step as the owner role; it creates every table and grants the app role data rights.
-- PostgreSQL 15 or later (on 15+ the schema public belongs to the database owner).

\set ON_ERROR_STOP on
\if :{?db}
\else
  \set db starfront
\endif
\if :{?owner_role}
\else
  \set owner_role starfront_owner
\endif
\if :{?app_role}
\else
  \set app_role starfront_app
\endif

-- The owner role: owns the schema (tables, triggers, row-level security policies); used only by `migrate`.
CREATE ROLE :"owner_role" LOGIN PASSWORD :'owner_password'
  NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS NOREPLICATION;
-- The app role: what web and worker replicas connect as. Owns nothing, so FORCE ROW LEVEL SECURITY binds it.
CREATE ROLE :"app_role" LOGIN PASSWORD :'app_password'
  NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS NOREPLICATION;

-- A managed service's admin is no superuser: to create a database owned by another role it must be a member of it.
-- Harmless for a superuser.
GRANT :"owner_role" TO CURRENT_USER;

CREATE DATABASE :"db" OWNER :"owner_role" ENCODING 'UTF8' TEMPLATE template0;
REVOKE ALL ON DATABASE :"db" FROM PUBLIC;
GRANT CONNECT ON DATABASE :"db" TO :"app_role";

\connect :"db"
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO :"app_role";
-- Tables and sequences the owner creates later are usable (data rights only) by the app role. `migrate` grants the
-- same explicitly after every run, for the public and hangfire schemas.
ALTER DEFAULT PRIVILEGES FOR ROLE :"owner_role" IN SCHEMA public
  GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO :"app_role";
ALTER DEFAULT PRIVILEGES FOR ROLE :"owner_role" IN SCHEMA public
  GRANT USAGE, SELECT ON SEQUENCES TO :"app_role";
