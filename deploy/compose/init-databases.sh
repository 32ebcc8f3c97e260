#!/bin/sh
# Run once by the postgres image on an empty data directory: a database and a user of its own for every service
# (and Keycloak), each user owning only its database. MOSAIC_DATABASES lists "database:user:PASSWORD_VARIABLE".
set -eu
for entry in $MOSAIC_DATABASES; do
  db=${entry%%:*}; rest=${entry#*:}; user=${rest%%:*}; var=${rest#*:}
  password=$(printenv "$var") || { echo "init-databases: $var is not set" >&2; exit 1; }
  psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
    -v db="$db" -v user="$user" -v password="$password" <<'SQL'
CREATE ROLE :"user" LOGIN PASSWORD :'password';
CREATE DATABASE :"db" OWNER :"user";
REVOKE ALL ON DATABASE :"db" FROM PUBLIC;
SQL
done
