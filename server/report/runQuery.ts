import { execute, parse, type DocumentNode, type GraphQLError } from "graphql";
import type { Logger } from "pino";
import type { GraphEngine } from "../../graph/engines/graphEngine.js";
import { schema } from "../../schema/index.js";
import { ANONYMOUS, type Context } from "../../schema/context.js";
import type { PrismaClient } from "../../record/generated/prisma/client.js";
import { DEFAULT_LIMITS, type Limits } from "../../schema/limits.js";
import type { Operation } from "./queries.js";

/** What the report needs to ask the API: the record, the network, and where to log. */
export interface ReportDeps {
  prisma: PrismaClient;
  graph: GraphEngine;
  logger: Logger;
  /** The API's limits, so the report's operations are bound like any client's. @default DEFAULT_LIMITS */
  limits?: Limits;
}

export class ReportQueryError extends Error {
  constructor(readonly errors: readonly GraphQLError[]) {
    super(`report: the API refused an operation: ${errors.map((e) => e.message).join("; ")}`);
  }
}

const documents = new Map<string, DocumentNode>();

/**
 * Runs one operation against the API's schema in this process, as an anonymous viewer with a
 * fresh context (loaders and scopes are per request, as over HTTP). The report therefore shows
 * exactly what the public API answers, and a field the anonymous role may not see fails here too.
 */
export async function runQuery<TData, TVars extends Record<string, unknown>>(
  deps: ReportDeps,
  operation: Operation<TData, TVars>,
  variables: NoInfer<TVars>,
): Promise<TData> {
  let document = documents.get(operation.text);
  if (!document) {
    document = parse(operation.text);
    documents.set(operation.text, document);
  }
  const contextValue: Context = {
    prisma: deps.prisma,
    graph: deps.graph,
    logger: deps.logger,
    limits: deps.limits ?? DEFAULT_LIMITS,
    viewer: ANONYMOUS,
    queryCount: { statements: 0 },
  };
  const result = await execute({ schema, document, contextValue, variableValues: variables });
  if (result.errors?.length) throw new ReportQueryError(result.errors);
  return result.data as TData;
}
