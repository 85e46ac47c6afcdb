import { PothosValidationError } from "@pothos/core";
import { GraphQLError } from "graphql";
import { createYoga, maskError, type Plugin, type YogaServerInstance } from "graphql-yoga";
import { BaseError } from "../schema/errors.js";
import { schema } from "../schema/index.js";
import { authenticate } from "./auth.js";
import type { GraphEngine } from "../graph/engines/graphEngine.js";
import type { Context } from "./context.js";
import type { Database } from "./database.js";
import type { Logger } from "./logger.js";
import { countQueries, type QueryCount } from "./queryCounter.js";

export interface ServerDeps {
  db: Database;
  graph: GraphEngine;
  logger: Logger;
  /** Report the SQL statements each operation sent in `extensions.sqlStatements` (tests). @default false */
  exposeQueryCount?: boolean;
}

export type MaillageYoga = YogaServerInstance<Record<string, never>, Context>;

/**
 * Builds the GraphQL server. It does not listen: server/index.ts does, and tests call
 * `yoga.fetch` directly.
 */
export function createServer({ db, graph, logger, exposeQueryCount = false }: ServerDeps): MaillageYoga {
  return createYoga<Record<string, never>, Context>({
    schema,
    graphqlEndpoint: "/graphql",
    graphiql: { title: "Maillage", defaultQuery: DEFAULT_QUERY },
    landingPage: false,
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
    plugins: [healthChecks(db), countStatements(exposeQueryCount)],
    context: async ({ request }) => ({
      prisma: db.prisma,
      graph,
      logger,
      viewer: await authenticate(db.prisma, request.headers.get("authorization")),
      queryCount: { statements: 0 },
    }),
  });
}

/** `/healthz` answers while the process runs; `/readyz` only while the database answers. */
function healthChecks(db: Database): Plugin {
  return {
    async onRequest({ url, endResponse, fetchAPI }) {
      if (url.pathname === "/healthz") return endResponse(Response.json({ status: "ok" }));
      if (url.pathname === "/readyz") {
        const database = await db.ping().then(() => "ok", () => "unreachable");
        const ready = database === "ok";
        endResponse(fetchAPI.Response.json({ status: ready ? "ready" : "not ready", database }, { status: ready ? 200 : 503 }));
      }
    },
  };
}

/**
 * Runs each operation inside a query-counting scope; with `expose`, the count goes into the
 * response's extensions, which is how tests bound the statements a nested query may cost.
 */
function countStatements(expose: boolean): Plugin<Context> {
  return {
    onExecute({ executeFn, setExecuteFn, args }) {
      const counter: QueryCount = (args.contextValue as Context).queryCount;
      setExecuteFn((executionArgs) => countQueries(counter, () => executeFn(executionArgs)));
      if (!expose) return;
      return {
        onExecuteDone({ result, setResult }) {
          if (Symbol.asyncIterator in result) return;
          setResult({ ...result, extensions: { ...result.extensions, sqlStatements: counter.statements } });
        },
      };
    },
  };
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
