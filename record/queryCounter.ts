import { AsyncLocalStorage } from "node:async_hooks";
import type { SqlDriverAdapter, SqlDriverAdapterFactory, SqlQueryable } from "@prisma/driver-adapter-utils";

/**
 * Counts the SQL statements a unit of work (a GraphQL request) sends, at the driver adapter, so
 * tests can bound them and an N+1 regression fails a test instead of slowing production.
 * The counter follows the request through AsyncLocalStorage; outside a counted scope it costs
 * one lookup per statement.
 */
export interface QueryCount {
  statements: number;
}

const scope = new AsyncLocalStorage<QueryCount>();

export function countQueries<T>(counter: QueryCount, run: () => T): T {
  return scope.run(counter, run);
}

export function withQueryCounting(factory: SqlDriverAdapterFactory): SqlDriverAdapterFactory {
  return new Proxy(factory, {
    get(target, key, receiver) {
      if (key !== "connect") return Reflect.get(target, key, receiver);
      return async () => countingQueryable(await target.connect());
    },
  });
}

function countingQueryable<T extends SqlQueryable | SqlDriverAdapter>(inner: T): T {
  return new Proxy(inner, {
    get(target, key) {
      const value = Reflect.get(target, key, target);
      if (typeof value !== "function") return value;
      if (key === "queryRaw" || key === "executeRaw") {
        return (...args: unknown[]) => {
          const counter = scope.getStore();
          if (counter) counter.statements += 1;
          return value.apply(target, args);
        };
      }
      if (key === "startTransaction") {
        return async (...args: unknown[]) => countingQueryable(await value.apply(target, args));
      }
      return value.bind(target);
    },
  });
}
