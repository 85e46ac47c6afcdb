import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.harness.Neo4j;
import org.neo4j.harness.Neo4jBuilders;
import org.neo4j.io.ByteUnit;

/**
 * Neo4j 5.26 Community in this JVM, from the test harness: Bolt on 127.0.0.1:<port> (0 for any
 * free port), HTTP off, auth off. Run as a single source file:
 *
 *   java -cp 'scripts/neo4j/lib/*' scripts/neo4j/Launcher.java <runDir> <port>
 *
 * The store lives in <runDir>/data, outside the harness's own md5-named folder (which the harness
 * deletes on close), so a second launch on the same run directory finds the data of the first:
 * the fault test stops Neo4j and starts it again on the same store. Once Bolt listens, the
 * launcher writes <runDir>/neo4j.pid, then <runDir>/bolt.uri (atomically: a reader never sees half
 * a URI). SIGTERM or SIGINT shut the database down cleanly and remove bolt.uri.
 *
 * System properties: -Dneo4j.pagecache=<MiB> (default 256; the harness's own default is 8).
 */
public final class Launcher {
  public static void main(String[] args) throws Exception {
    if (args.length != 2) {
      System.err.println("usage: Launcher <runDir> <port>");
      System.exit(2);
    }
    Path runDir = Path.of(args[0]).toAbsolutePath();
    int port = Integer.parseInt(args[1]);
    long pagecacheMiB = Long.getLong("neo4j.pagecache", 256L);
    Files.createDirectories(runDir);
    Path uriFile = runDir.resolve("bolt.uri");
    Files.deleteIfExists(uriFile);

    long started = System.nanoTime();
    Neo4j neo4j = Neo4jBuilders.newInProcessBuilder(runDir)
        .withDisabledServer()
        .withConfig(GraphDatabaseSettings.auth_enabled, false)
        .withConfig(GraphDatabaseSettings.data_directory, runDir.resolve("data"))
        .withConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(pagecacheMiB))
        .withConfig(BoltConnector.enabled, true)
        .withConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
        .withConfig(BoltConnector.advertised_address, new SocketAddress("127.0.0.1", port))
        // Bolt waits 5 s for its worker threads and 5 s for open connections on shutdown, after
        // the databases have checkpointed; a test server has nothing to wait for.
        .withConfig(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, Duration.ofMillis(200))
        .withConfig(BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ofMillis(200))
        .build();

    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        Files.deleteIfExists(uriFile);
      } catch (IOException ignored) {
        // The URI file is only a signal; a stale one is overwritten by the next launch.
      }
      neo4j.close();
      System.out.println("neo4j stopped");
      stopped.countDown();
    }, "neo4j-shutdown"));

    String uri = neo4j.boltURI().toString();
    writeAtomically(runDir.resolve("neo4j.pid"), Long.toString(ProcessHandle.current().pid()));
    writeAtomically(uriFile, uri);
    System.out.printf("neo4j %s listening at %s (started in %d ms, store %s)%n",
        org.neo4j.kernel.internal.Version.getNeo4jVersion(), uri, (System.nanoTime() - started) / 1_000_000, runDir.resolve("data"));
    stopped.await();
  }

  private static void writeAtomically(Path file, String content) throws IOException {
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.writeString(tmp, content + "\n");
    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }
}
