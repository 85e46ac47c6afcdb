// Manages API tokens:  npm run token -- create --role EDITOR --label "Alice, editor"
//                      npm run token -- revoke <id>
//                      npm run token -- list
// With the embedded database, stop the server first: one process at a time opens its folder.
import path from "node:path";
import { parseArgs } from "node:util";
import { createToken, revokeToken } from "../server/auth.js";
import { openDatabase } from "../record/database.js";
import { Role } from "../record/generated/prisma/enums.js";

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { role: { type: "string" }, label: { type: "string" }, actor: { type: "string" } },
});
const [command, id] = positionals;
const roles = Object.values(Role) as string[];
const usage = `usage: npm run token -- create --role ${roles.join("|")} --label TEXT [--actor ACTOR_ID for CATALYST] | revoke ID | list`;

const db = await openDatabase({ url: process.env.DATABASE_URL || undefined, dataDir: path.resolve(process.env.DATA_DIR ?? "./data") });
try {
  if (command === "create") {
    const role = values.role?.toUpperCase();
    if (!role || !roles.includes(role) || !values.label?.trim()) throw new Error(usage);
    const actorId = values.actor === undefined ? null : Number(values.actor);
    if (actorId !== null && !Number.isSafeInteger(actorId)) throw new Error(usage);
    const created = await createToken(db.prisma, role as Role, values.label.trim(), actorId);
    console.log(`Token ${created.id} (${role}). Shown once, keep it safe:\n${created.token}`);
  } else if (command === "revoke" && id && /^\d+$/.test(id)) {
    console.log((await revokeToken(db.prisma, Number(id))) ? `Token ${id} revoked.` : `No live token ${id}.`);
  } else if (command === "list") {
    const tokens = await db.prisma.apiToken.findMany({
      select: { id: true, label: true, role: true, actorId: true, createdAt: true, revokedAt: true },
      orderBy: { id: "asc" },
    });
    console.table(tokens);
  } else {
    throw new Error(usage);
  }
} catch (error) {
  console.error((error as Error).message);
  process.exitCode = 1;
} finally {
  await db.close();
}
