#!/bin/sh
# Prisma's CLI wants a native schema engine it cannot download offline. generate, validate and
# format never run it; migrations go through scripts/migrate.ts instead.
echo "No native Prisma schema engine here: use npm run db:migrate / db:diff (scripts/migrate.ts)." >&2
exit 1
