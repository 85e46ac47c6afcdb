#!/usr/bin/env node
// The `maillage` command: runs bin/cli.ts under tsx, so the TypeScript sources run as they are.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const cli = fileURLToPath(new URL("./cli.ts", import.meta.url));
const result = spawnSync(process.execPath, ["--import", "tsx", cli, ...process.argv.slice(2)], { stdio: "inherit" });
process.exit(result.status ?? 1);
