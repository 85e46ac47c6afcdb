import { createGraphQLError, type Plugin } from "graphql-yoga";
import type { Limits } from "../../schema/limits.js";

/**
 * Refuses a body larger than the limit before reading it (413), text holding NUL characters
 * (400), and answers an operation that
 * runs longer than the limit with an error (503) instead of holding the connection: the
 * operation's remaining work is abandoned, and a transaction it had open rolls back on its own
 * timeout. The timer cuts waits (database, I/O); a computation holding the CPU runs to its end
 * first, which is why heavy analytics are cached per network version.
 */
export function requestLimits(limits: Pick<Limits, "maxBodyBytes" | "requestTimeoutMs">): Plugin {
  return {
    onRequest({ request, endResponse, fetchAPI }) {
      const length = Number(request.headers.get("content-length") ?? 0);
      if (length > limits.maxBodyBytes) {
        endResponse(
          fetchAPI.Response.json(
            { errors: [{ message: `The request body is larger than ${limits.maxBodyBytes} bytes.`, extensions: { code: "request/too-large" } }] },
            { status: 413 },
          ),
        );
      }
    },
    // PostgreSQL text cannot hold NUL: refuse it here with a clear error rather than let it
    // reach a statement and fail there, whichever field carries it.
    onParams({ params }) {
      const variables = params.variables ? JSON.stringify(params.variables) : "";
      if (params.query?.includes("\u0000") || params.query?.includes("\\u0000") || variables.includes("\\u0000")) {
        throw createGraphQLError("Text must not contain NUL (U+0000) characters.", { extensions: { code: "input/nul-character", http: { status: 400 } } });
      }
    },
    onExecute({ executeFn, setExecuteFn }) {
      setExecuteFn(async (args) => {
        let timer: NodeJS.Timeout | undefined;
        const timeout = new Promise<never>((_, reject) => {
          timer = setTimeout(
            () =>
              reject(
                createGraphQLError(`The operation took longer than ${limits.requestTimeoutMs} ms.`, {
                  extensions: { code: "request/timeout", http: { status: 503 } },
                }),
              ),
            limits.requestTimeoutMs,
          );
        });
        try {
          return await Promise.race([executeFn(args), timeout]);
        } finally {
          clearTimeout(timer);
        }
      });
    },
  };
}
