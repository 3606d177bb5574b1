#!/usr/bin/env bash
# Until the first release, the schema has a single `init` migration. This
# regenerates it from prisma/schema.prisma on a throw-away cluster.
# Serialised with flock so parallel editors cannot interleave.
set -euo pipefail
cd "$(dirname "$0")/.."
exec 9>/tmp/orgbridge-schema.lock
flock 9
tmp=$(mktemp -d /tmp/orgbridge-regen-XXXX); chmod 755 "$tmp"
port=$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
node scripts/prisma-generate.mjs >/dev/null
rm -rf prisma/migrations
EMBEDDED_PG_DIR="$tmp/pg" EMBEDDED_PG_PORT="$port" node --import tsx scripts/db.ts diff --name init
rm -rf "$tmp"
