/**
 * Waits until a Neo4j answers on Bolt (the driver's verifyConnectivity, through the executor),
 * retrying every half second: `tsx scripts/neo4j/waitForBolt.ts <uri> [timeoutSeconds]`.
 */
import { Neo4jExecutor } from "../../graph/engines/neo4j/executor.js";

const [uri, timeout = "120"] = process.argv.slice(2);
if (!uri) {
  console.error("usage: waitForBolt.ts <bolt uri> [timeoutSeconds]");
  process.exit(2);
}
const deadline = Date.now() + Number(timeout) * 1000;
const executor = new Neo4jExecutor({ uri });
try {
  for (;;) {
    try {
      await executor.ping();
      break;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
} finally {
  await executor.close();
}
