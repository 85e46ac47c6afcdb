import type { Plugin } from "graphql-yoga";
import type { Context } from "../../schema/context.js";
import { countQueries } from "../../record/queryCounter.js";

/**
 * Runs each operation inside a query-counting scope; with `expose`, the count goes into the
 * response's extensions, which is how tests bound the statements a nested query may cost.
 */
export function statementCount(expose: boolean): Plugin<Context> {
  return {
    onExecute({ executeFn, setExecuteFn, args }) {
      const counter = (args.contextValue as Context).queryCount;
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
