import http from "node:http";
import { fileURLToPath } from "node:url";
import { closeSharedBetweennessPool } from "../graph/workers/sharedBetweennessPool.js";
import type { GraphEngine } from "../graph/engines/graphEngine.js";
import { MemoryGraphEngine } from "../graph/engines/memory/memoryEngine.js";
import { GraphUnavailableError } from "../graph/engines/neo4j/executor.js";
import { Neo4jGraphEngine } from "../graph/engines/neo4j/neo4jEngine.js";
import { NoProjectionError } from "../graph/engines/neo4j/projector.js";
import { AdvisoryLockLeadership } from "../graph/engines/neo4j/projectorLeadership.js";
import { ConfigError, jwtOf, limitsOf, loadConfig } from "./config.js";
import { openDatabase } from "../record/database.js";
import { DataDirLockedError } from "../record/dataDirLock.js";
import { createJwtVerifier } from "./jwt.js";
import { LiveUpdates } from "./live.js";
import { createLogger } from "./logger.js";
import { MigrationError } from "../record/migrations.js";
import { startMetricSnapshotSchedule } from "./history/schedule.js";
import { seedDemo } from "./seed/seedDemo.js";
import { createServer } from "./yoga.js";

/** Starts Maillage: configuration, the record (migrated, seeded on first run), then HTTP. */
async function main(): Promise<void> {
  const startedAt = performance.now();
  const config = loadConfig();
  const logger = createLogger(config.LOG_LEVEL);
  // Before the database: a bad key file is a configuration error, reported at once.
  const jwtSettings = jwtOf(config);
  const jwt = jwtSettings ? createJwtVerifier(jwtSettings, logger) : undefined;
  const db = await openDatabase({ url: config.DATABASE_URL, dataDir: config.dataDir, poolMax: config.DATABASE_POOL_MAX });
  logger.info({ database: db.kind, dataDir: db.kind === "embedded" ? config.dataDir : undefined, migrations: db.applied }, "database open");

  if (config.SEED_ON_START && (await db.prisma.territory.count()) === 0) {
    const seedStart = performance.now();
    const summary = await seedDemo(db.prisma);
    logger.info({ summary, ms: Math.round(performance.now() - seedStart) }, "empty database: seeded the demo programme");
  }

  const graph: GraphEngine =
    config.graphEngine === "neo4j"
      ? new Neo4jGraphEngine(db.prisma, {
          connection: { uri: config.NEO4J_URI!, username: config.NEO4J_USERNAME, password: config.NEO4J_PASSWORD, database: config.NEO4J_DATABASE },
          logger,
          // Processes sharing a PostgreSQL record elect one projector; the embedded record has one process.
          ...(config.DATABASE_URL && { leadership: new AdvisoryLockLeadership(config.DATABASE_URL, { retryMs: config.OUTBOX_POLL_MS, logger }) }),
        })
      : new MemoryGraphEngine(db.prisma, logger);
  await graph.start();
  graph.follow(config.OUTBOX_POLL_MS);
  const snapshots =
    config.METRIC_SNAPSHOT_INTERVAL_HOURS > 0
      ? startMetricSnapshotSchedule({ prisma: db.prisma, graph, logger }, { intervalMs: config.METRIC_SNAPSHOT_INTERVAL_HOURS * 3_600_000 })
      : null;
  const webDir = fileURLToPath(new URL("../web/dist", import.meta.url));
  const live = new LiveUpdates(graph, { trustProxy: config.TRUST_PROXY });
  const yoga = createServer({
    db,
    graph,
    logger,
    limits: limitsOf(config),
    corsOrigins: config.CORS_ORIGINS,
    trustProxy: config.TRUST_PROXY,
    live,
    webDir,
    jwt,
  });
  const server = http.createServer(yoga);
  await new Promise<void>((resolve) => server.listen(config.PORT, config.HOST, resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : config.PORT;
  logger.info({ url: `http://${config.HOST}:${port}/graphql`, ms: Math.round(performance.now() - startedAt) }, "Maillage is listening");

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "shutting down: finishing in-flight requests");
    // Subscriptions never finish on their own: end them, so their streams complete like any request.
    logger.info({ subscriptions: await live.close() }, "live subscriptions closed");
    // Stop accepting, let in-flight requests finish, then cut what is left after the timeout.
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    const timer = setTimeout(() => server.closeAllConnections(), config.SHUTDOWN_TIMEOUT_MS);
    await closed;
    clearTimeout(timer);
    // Plugins let go of what they hold (the report's PDF browser).
    await yoga.dispose();
    await snapshots?.stop();
    await graph.close();
    await closeSharedBetweennessPool();
    await db.close();
    logger.info("stopped cleanly");
    process.exit(0);
  };
  process.on("SIGTERM", () => void stop("SIGTERM"));
  process.on("SIGINT", () => void stop("SIGINT"));
}

main().catch((error: unknown) => {
  // Known start-up failures get one clear line; anything else its stack.
  const known =
    error instanceof ConfigError ||
    error instanceof DataDirLockedError ||
    error instanceof MigrationError ||
    error instanceof GraphUnavailableError ||
    error instanceof NoProjectionError;
  console.error(known ? `maillage: ${(error as Error).message}` : error);
  process.exit(1);
});
