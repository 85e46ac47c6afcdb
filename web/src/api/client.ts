/**
 * The one place that talks to the API: POST /graphql with plain fetch. A query is a typed
 * document (its text plus phantom result and variable types, generated from schema.graphql), so
 * every call site gets its result typed while the text sent stays the one written in queries.ts.
 */

export interface Document<TData, TVars> {
  readonly text: string;
  /** Never set: carries the types. */
  readonly __types?: { data: TData; vars: TVars };
}

export function gqlDocument<TData, TVars = Record<string, never>>(text: string): Document<TData, TVars> {
  return { text };
}

/** A GraphQL or HTTP failure; `code` is the error's `extensions.code` when the API gave one. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly code?: string,
    readonly path?: readonly (string | number)[],
  ) {
    super(message);
    this.name = "ApiError";
  }
}

interface GraphQLResponse<T> {
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: { code?: string } }[];
}

/** The API serves the map at "/", next to this endpoint; the dev server proxies it. */
const ENDPOINT = "/graphql";

export async function request<TData, TVars>(doc: Document<TData, TVars>, variables: TVars, signal?: AbortSignal): Promise<TData> {
  const response = await fetch(ENDPOINT, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/graphql-response+json, application/json" },
    body: JSON.stringify({ query: doc.text, variables }),
    signal,
  });
  let body: GraphQLResponse<TData>;
  try {
    body = (await response.json()) as GraphQLResponse<TData>;
  } catch {
    throw new ApiError(`HTTP ${response.status}`);
  }
  const first = body.errors?.[0];
  if (first) throw new ApiError(first.message, first.extensions?.code, first.path);
  if (!body.data) throw new ApiError(`HTTP ${response.status}`);
  return body.data;
}

const cache = new Map<string, { at: number; value: Promise<unknown> }>();

/**
 * `request` behind a short-lived cache, so that going back to a view does not ask again.
 * Failures are not kept.
 */
export function cachedRequest<TData, TVars>(doc: Document<TData, TVars>, variables: TVars, maxAgeMs = 60_000): Promise<TData> {
  const key = doc.text + JSON.stringify(variables);
  const hit = cache.get(key);
  if (hit && performance.now() - hit.at < maxAgeMs) return hit.value as Promise<TData>;
  const value = request(doc, variables);
  cache.set(key, { at: performance.now(), value });
  value.catch(() => cache.delete(key));
  return value;
}

export function clearCache(): void {
  cache.clear();
}
