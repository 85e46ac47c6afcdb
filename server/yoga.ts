import type { IncomingMessage } from "node:http";
import { maxAliasesPlugin } from "@escape.tech/graphql-armor-max-aliases";
import { maxDirectivesPlugin } from "@escape.tech/graphql-armor-max-directives";
import { maxTokensPlugin } from "@escape.tech/graphql-armor-max-tokens";
import { useCSRFPrevention } from "@graphql-yoga/plugin-csrf-prevention";
import { renderGraphiQL } from "@graphql-yoga/render-graphiql";
import { PothosValidationError } from "@pothos/core";
import { GraphQLError } from "graphql";
import { createYoga, maskError, type YogaServerInstance } from "graphql-yoga";
import type { GraphEngine } from "../graph/engines/graphEngine.js";
import { BaseError } from "../record/errors.js";
import { schema } from "../schema/index.js";
import { authenticate } from "./auth.js";
import type { Context } from "../schema/context.js";
import type { Database } from "../record/database.js";
import type { JwtVerifier } from "./jwt.js";
import { DEFAULT_LIMITS, type Limits } from "../schema/limits.js";
import { LiveUpdates, liveUpdatesPlugin } from "./live.js";
import type { Logger } from "./logger.js";
import { exportsPlugin } from "./plugins/exports.js";
import { healthChecks, type Readiness } from "./plugins/healthChecks.js";
import { rateLimit } from "./plugins/rateLimit.js";
import { report } from "./plugins/report.js";
import { requestLimits } from "./plugins/requestLimits.js";
import { securityHeaders } from "./plugins/securityHeaders.js";
import { statementCount } from "./plugins/statementCount.js";
import { webApp } from "./plugins/webApp.js";

export interface ServerDeps {
  db: Database;
  graph: GraphEngine;
  logger: Logger;
  /** Report the SQL statements each operation sent in `extensions.sqlStatements` (tests). @default false */
  exposeQueryCount?: boolean;
  /** @default DEFAULT_LIMITS */
  limits?: Limits;
  /** Origins allowed to call the API from a browser; none but this server's own by default. @default [] */
  corsOrigins?: string[];
  /** Trust X-Forwarded-For for the client address (behind a proxy). @default false */
  trustProxy?: boolean;
  /** Serve the built map from this folder at "/"; tests leave it out. */
  webDir?: string;
  /** Live updates (subscriptions); server/index.ts passes its own to close them on shutdown. @default one for `graph` */
  live?: LiveUpdates;
  /** Accept JWTs from a single sign-on issuer besides API tokens (server/jwt.ts). @default undefined */
  jwt?: JwtVerifier;
}

type ServerContext = { req?: IncomingMessage };
export type MaillageYoga = YogaServerInstance<ServerContext, Context>;

/**
 * Builds the GraphQL server. It does not listen: server/index.ts does, and tests call
 * `yoga.fetch` directly.
 */
export function createServer({
  db,
  graph,
  logger,
  exposeQueryCount = false,
  limits = DEFAULT_LIMITS,
  corsOrigins = [],
  trustProxy = false,
  live = new LiveUpdates(graph, { trustProxy }),
  webDir,
  jwt,
}: ServerDeps): MaillageYoga {
  return createYoga<ServerContext, Context>({
    schema,
    graphqlEndpoint: "/graphql",
    // The bundled GraphiQL: it works offline, where the default one loads from a CDN.
    graphiql: { title: "Maillage", defaultQuery: DEFAULT_QUERY },
    renderGraphiQL,
    landingPage: false,
    cors:
      corsOrigins.length > 0
        ? { origin: corsOrigins, methods: ["GET", "POST"], allowedHeaders: ["content-type", "authorization", "x-graphql-yoga-csrf"] }
        : false,
    logging: logger,
    maskedErrors: {
      // Expected errors keep their message and carry their code; everything else becomes
      // "Unexpected error." so no stack, SQL or database message reaches a client.
      maskError: (error, message, isDev) => {
        const original = error instanceof GraphQLError ? error.originalError : error;
        if (original instanceof BaseError) return new GraphQLError(original.message, { extensions: { code: original.code } });
        // A GraphQL error of its own (bad variables) or Pothos' validation error (a malformed
        // global id) is the client's mistake, not ours: no error log for those.
        const clientMistake = (error instanceof GraphQLError && !error.originalError) || original instanceof PothosValidationError;
        if (!clientMistake) logger.error({ err: original }, "unexpected error");
        return maskError(error, message, isDev);
      },
    },
    // By request stage: refuse early and cheaply (size, rate, CSRF, document shape), then run.
    plugins: [
      ...healthChecks(() => readiness(db, graph)),
      ...(webDir ? [webApp({ dir: webDir })] : []),
      securityHeaders(),
      requestLimits(limits),
      rateLimit({ ...limits, trustProxy }),
      report({ db, graph, logger, limits }),
      exportsPlugin({ prisma: db.prisma, graph, logger, jwt }),
      useCSRFPrevention(),
      maxTokensPlugin({ n: limits.maxTokens }),
      maxAliasesPlugin({ n: limits.maxAliases }),
      maxDirectivesPlugin({ n: limits.maxDirectives }),
      statementCount(exposeQueryCount),
      liveUpdatesPlugin(live),
    ],
    context: async ({ request }) => ({
      prisma: db.prisma,
      graph,
      logger,
      limits,
      viewer: await authenticate(db.prisma, request.headers.get("authorization"), jwt),
      queryCount: { statements: 0 },
    }),
  });
}

/** Ready while the database answers; the graph engine says whether it is degraded. */
async function readiness(db: Database, graph: GraphEngine): Promise<Readiness> {
  const database = await db.ping().then(
    () => "ok" as const,
    () => "unreachable" as const,
  );
  const engine = await graph.readiness();
  const status = database !== "ok" ? "not ready" : engine.status === "ok" ? "ready" : "degraded";
  return { status, database, graph: engine };
}

const DEFAULT_QUERY = `# Maillage: the network of organisations cooperating in French territories.
# The 81 demo ecosystems, their need level and their actors counted by profile:
query Ecosystems {
  ecosystems(first: 100) {
    totalCount
    nodes {
      name
      needLevel
      territory { code level region { name } }
      actorsByProfile { profile count }
    }
  }
}
`;
