/**
 * Every bound on what one request may ask, in one place, each configurable (server/config.ts
 * maps the environment onto these) with a safe default.
 */
export interface Limits {
  /** Deepest field nesting of an operation. @default 12 */
  maxDepth: number;
  /** Pothos complexity budget of an operation (fields, times list multipliers). @default 20000 */
  maxComplexity: number;
  /** Aliases in an operation: each alias is another run of its field. @default 30 */
  maxAliases: number;
  /** Lexical tokens in a document: bounds parsing work whatever its shape. @default 5000 */
  maxTokens: number;
  /** Directives in an operation. @default 50 */
  maxDirectives: number;
  /** Bytes of a request body. @default 1 MiB */
  maxBodyBytes: number;
  /** Longest an operation may run before it is answered with an error. @default 15 s */
  requestTimeoutMs: number;
  /** Requests a minute for one API token. @default 600 */
  tokenRequestsPerMinute: number;
  /** Requests a minute for one address without a token. @default 120 */
  anonymousRequestsPerMinute: number;
}

export const DEFAULT_LIMITS: Readonly<Limits> = Object.freeze({
  maxDepth: 12,
  maxComplexity: 20_000,
  maxAliases: 30,
  maxTokens: 5_000,
  maxDirectives: 50,
  maxBodyBytes: 1_048_576,
  requestTimeoutMs: 15_000,
  tokenRequestsPerMinute: 600,
  anonymousRequestsPerMinute: 120,
});

/** The largest page a connection serves, whatever `first` or `last` asks. */
export const MAX_PAGE_SIZE = 500;
