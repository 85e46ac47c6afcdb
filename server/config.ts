import path from "node:path";
import { z } from "zod";
import type { JwtSettings } from "./jwt.js";
import { DEFAULT_LIMITS, type Limits } from "../schema/limits.js";

/** Signatures a JWT may carry: asymmetric only, so a public key can never double as an HMAC secret. */
export const JWT_ALGORITHMS = ["RS256", "ES256", "EdDSA"] as const;

/**
 * Configuration comes from environment variables only, validated once at startup: a bad value
 * stops the process with a message naming the variable, never a crash deep in a request.
 */
const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  HOST: z.string().min(1).default("127.0.0.1"),
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  /** postgresql://... for a PostgreSQL server; unset for the embedded database in DATA_DIR. */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must be a postgresql:// URL (leave it unset for the embedded database)")
    .optional(),
  /** Folder of the embedded database and its lock. */
  DATA_DIR: z.string().min(1).default("./data"),
  /** Connections to a PostgreSQL server (the embedded database always uses one). */
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
  /** Seed the demo programme into an empty database at startup. */
  SEED_ON_START: z.stringbool().default(true),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** Where the network lives: in this process, or in Neo4j (the default when NEO4J_URI is set). */
  GRAPH_ENGINE: z.enum(["memory", "neo4j"]).optional(),
  NEO4J_URI: z
    .string()
    .regex(/^(bolt|neo4j)(\+s|\+ssc)?:\/\//, "must be a bolt:// or neo4j:// URI")
    .optional(),
  NEO4J_USERNAME: z.string().min(1).optional(),
  NEO4J_PASSWORD: z.string().min(1).optional(),
  NEO4J_DATABASE: z.string().min(1).optional(),
  /** How often the graph engine looks for changes written by other instances, in milliseconds. */
  OUTBOX_POLL_MS: z.coerce.number().int().min(100).max(3_600_000).default(2_000),
  /** Limits on each request (schema/limits.ts has what each bounds). */
  MAX_DEPTH: z.coerce.number().int().min(2).max(100).default(DEFAULT_LIMITS.maxDepth),
  MAX_COMPLEXITY: z.coerce.number().int().min(10).max(10_000_000).default(DEFAULT_LIMITS.maxComplexity),
  MAX_ALIASES: z.coerce.number().int().min(0).max(10_000).default(DEFAULT_LIMITS.maxAliases),
  MAX_TOKENS: z.coerce.number().int().min(100).max(10_000_000).default(DEFAULT_LIMITS.maxTokens),
  MAX_DIRECTIVES: z.coerce.number().int().min(0).max(10_000).default(DEFAULT_LIMITS.maxDirectives),
  MAX_BODY_BYTES: z.coerce.number().int().min(1_024).max(1_073_741_824).default(DEFAULT_LIMITS.maxBodyBytes),
  REQUEST_TIMEOUT_MS: z.coerce.number().int().min(100).max(3_600_000).default(DEFAULT_LIMITS.requestTimeoutMs),
  RATE_LIMIT_TOKEN_PER_MINUTE: z.coerce.number().int().min(1).max(10_000_000).default(DEFAULT_LIMITS.tokenRequestsPerMinute),
  RATE_LIMIT_ANONYMOUS_PER_MINUTE: z.coerce.number().int().min(1).max(10_000_000).default(DEFAULT_LIMITS.anonymousRequestsPerMinute),
  /** Comma-separated origins allowed to call the API from a browser (CORS); empty: none. */
  CORS_ORIGINS: z
    .string()
    .default("")
    .transform((list) =>
      list
        .split(",")
        .map((origin) => origin.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.url({ protocol: /^https?$/, error: "each origin must be an http(s) URL" }))),
  /** Take the client address from X-Forwarded-For: only behind a proxy that sets it. */
  TRUST_PROXY: z.stringbool().default(false),
  /** Longest time a graceful shutdown waits for in-flight requests, in milliseconds. */
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).max(600_000).default(10_000),
  /** Hours between two rounds of today's metric snapshots (server/history); 0 turns them off. At most 24 days, a timer's limit. */
  METRIC_SNAPSHOT_INTERVAL_HOURS: z.coerce.number().min(0).max(576).default(24),
  /** Single sign-on (server/jwt.ts): JWTs of this issuer are accepted besides API tokens. */
  JWT_ISSUER: z.string().min(1).optional(),
  JWT_AUDIENCE: z.string().min(1).optional(),
  /** The issuer's public keys: a JWKS URL (fetched when needed, cached) or a JWKS file, one of the two. */
  JWT_JWKS_URL: z
    .url({ protocol: /^https?$/, error: "must be an http(s) URL" })
    .refine(
      (url) => url.startsWith("https:") || /^http:\/\/(localhost|127\.0\.0\.1|\[::1\])([:/]|$)/.test(url),
      "must be https:// (http:// only on this machine)",
    )
    .optional(),
  JWT_JWKS_FILE: z.string().min(1).optional(),
  JWT_ROLE_CLAIM: z.string().min(1).default("maillage_role"),
  JWT_ACTOR_CLAIM: z.string().min(1).default("maillage_actor"),
  JWT_ALGORITHMS: z
    .string()
    .default(JWT_ALGORITHMS.join(","))
    .transform((list) =>
      list
        .split(",")
        .map((alg) => alg.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.enum(JWT_ALGORITHMS, { error: `each must be one of ${JWT_ALGORITHMS.join(", ")} (never none or an HMAC algorithm)` })).min(1)),
  JWT_CLOCK_TOLERANCE_SECONDS: z.coerce.number().int().min(0).max(300).default(30),
});

export type Config = z.infer<typeof schema> & { dataDir: string; graphEngine: "memory" | "neo4j" };

export class ConfigError extends Error {
  override name = "ConfigError";
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // An empty variable means "not set", as shells and compose files often leave them.
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = schema.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join("\n")}`);
  }
  const graphEngine = parsed.data.GRAPH_ENGINE ?? (parsed.data.NEO4J_URI ? "neo4j" : "memory");
  if (graphEngine === "neo4j" && !parsed.data.NEO4J_URI) throw new ConfigError("Invalid configuration:\n  NEO4J_URI: required when GRAPH_ENGINE=neo4j");
  const jwt = jwtConfigProblems(parsed.data);
  if (jwt.length > 0) throw new ConfigError(`Invalid configuration:\n${jwt.map((line) => `  ${line}`).join("\n")}`);
  return { ...parsed.data, dataDir: path.resolve(parsed.data.DATA_DIR), graphEngine };
}

/** JWT settings come as a whole or not at all: half a configuration would silently accept nothing. */
function jwtConfigProblems(data: z.infer<typeof schema>): string[] {
  if (!data.JWT_ISSUER && !data.JWT_AUDIENCE && !data.JWT_JWKS_URL && !data.JWT_JWKS_FILE) return [];
  const problems = [];
  if (!data.JWT_ISSUER) problems.push("JWT_ISSUER: required with the other JWT_ settings");
  if (!data.JWT_AUDIENCE) problems.push("JWT_AUDIENCE: required with the other JWT_ settings");
  if (!data.JWT_JWKS_URL === !data.JWT_JWKS_FILE) problems.push("JWT_JWKS_URL, JWT_JWKS_FILE: set exactly one of the two");
  return problems;
}

/** The single sign-on settings, or null when only API tokens are accepted. */
export function jwtOf(config: Config): JwtSettings | null {
  if (!config.JWT_ISSUER || !config.JWT_AUDIENCE) return null;
  return {
    issuer: config.JWT_ISSUER,
    audience: config.JWT_AUDIENCE,
    keys: config.JWT_JWKS_URL ? { url: new URL(config.JWT_JWKS_URL) } : { file: path.resolve(config.JWT_JWKS_FILE!) },
    roleClaim: config.JWT_ROLE_CLAIM,
    actorClaim: config.JWT_ACTOR_CLAIM,
    algorithms: config.JWT_ALGORITHMS,
    clockToleranceSeconds: config.JWT_CLOCK_TOLERANCE_SECONDS,
  };
}

export function limitsOf(config: Config): Limits {
  return {
    maxDepth: config.MAX_DEPTH,
    maxComplexity: config.MAX_COMPLEXITY,
    maxAliases: config.MAX_ALIASES,
    maxTokens: config.MAX_TOKENS,
    maxDirectives: config.MAX_DIRECTIVES,
    maxBodyBytes: config.MAX_BODY_BYTES,
    requestTimeoutMs: config.REQUEST_TIMEOUT_MS,
    tokenRequestsPerMinute: config.RATE_LIMIT_TOKEN_PER_MINUTE,
    anonymousRequestsPerMinute: config.RATE_LIMIT_ANONYMOUS_PER_MINUTE,
  };
}
