import path from "node:path";
import { defineConfig } from "prisma/config";

// Prisma 7's CLI downloads a native schema engine before generate/validate/format unless
// PRISMA_SCHEMA_ENGINE_BINARY names an existing file; those commands never run it. Migrations
// are created and applied by scripts/migrate.ts through the WebAssembly engine instead.
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= path.join(import.meta.dirname, "scripts/no-schema-engine.sh");

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
});
