/**
 * rebuild-graph: wipes the Neo4j projection and writes the whole record again, then the outbox
 * position it reflects, so the projector goes on from there. For a Neo4j that lost its data, was
 * replaced, or was projected from another database. Reads the record where the server does
 * (DATABASE_URL, or the embedded database in DATA_DIR, which the server must not hold open), and
 * Neo4j at NEO4J_URI (NEO4J_USERNAME, NEO4J_PASSWORD, NEO4J_DATABASE). On PostgreSQL it takes
 * the projector's lock first (graph/engines/neo4j/projectorLeadership.ts), so that no running
 * instance projects into the graph while it is rebuilt; it refuses when one holds it.
 *
 *   NEO4J_URI=bolt://127.0.0.1:7687 npm run rebuild-graph
 */
import { connectionFromEnv, Neo4jExecutor } from "../../graph/engines/neo4j/executor.js";
import { OutboxProjector } from "../../graph/engines/neo4j/projector.js";
import { AdvisoryLockLeadership } from "../../graph/engines/neo4j/projectorLeadership.js";
import { ensureSchema } from "../../graph/engines/neo4j/schema.js";
import { loadConfig } from "../../server/config.js";
import { openDatabase } from "../../record/database.js";

const connection = connectionFromEnv();
if (!connection) {
  console.error("rebuild-graph: set NEO4J_URI (bolt://host:port) to the Neo4j to rebuild");
  process.exit(2);
}
const config = loadConfig();
const db = await openDatabase({ url: config.DATABASE_URL, dataDir: config.dataDir, poolMax: 2 });
const executor = new Neo4jExecutor(connection);
const leadership = config.DATABASE_URL ? new AdvisoryLockLeadership(config.DATABASE_URL) : null;
try {
  await leadership?.check();
  if (leadership && !leadership.isLeader) {
    console.error("rebuild-graph: a running Maillage instance projects into this Neo4j (it holds the projector lock): stop the instances first");
    process.exitCode = 1;
  } else {
    await ensureSchema(executor);
    const summary = await new OutboxProjector(db.prisma, executor).rebuild();
    console.log(
      `rebuild-graph: ${summary.actors} actors, ${summary.alliances} alliances, ${summary.interactions} interactions, ` +
        `${summary.practiceAssessments} practice assessments at outbox position ${summary.version}, in ${summary.ms} ms`,
    );
  }
} finally {
  await leadership?.close();
  await executor.close();
  await db.close();
}
