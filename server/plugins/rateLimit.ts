import crypto from "node:crypto";
import type { IncomingMessage } from "node:http";
import type { Plugin } from "graphql-yoga";
import type { Limits } from "../../schema/limits.js";

/**
 * Per-token and per-address rate limits, as token buckets that refill continuously: a client
 * may burst up to its minute's allowance, then gets 429 with Retry-After until it has refilled.
 * Keys never hold a raw token (only a digest). Buckets live in this process: behind a load
 * balancer each instance limits on its own.
 */
interface Bucket {
  tokens: number;
  updated: number;
}

export interface RateLimitOptions extends Pick<Limits, "tokenRequestsPerMinute" | "anonymousRequestsPerMinute"> {
  /** Read the client address from X-Forwarded-For (only behind a proxy that sets it). @default false */
  trustProxy: boolean;
  /** Clock, for tests. */
  now?: () => number;
}

export function rateLimit(options: RateLimitOptions): Plugin {
  const buckets = new Map<string, Bucket>();
  const now = options.now ?? Date.now;
  let lastSweep = now();
  return {
    onRequest({ request, serverContext, endResponse, fetchAPI, url }) {
      const req = (serverContext as { req?: IncomingMessage } | undefined)?.req;
      if (url.pathname !== "/graphql" && url.pathname !== "/export" && !url.pathname.startsWith("/report/")) return;
      const authorization = request.headers.get("authorization");
      const perMinute = authorization ? options.tokenRequestsPerMinute : options.anonymousRequestsPerMinute;
      const key = authorization
        ? `token:${crypto.createHash("sha256").update(authorization).digest("hex").slice(0, 32)}`
        : `address:${clientAddress(request, req, options.trustProxy)}`;
      const t = now();
      if (t - lastSweep > 60_000) {
        // Full buckets carry no information: drop them so idle clients cost no memory.
        for (const [k, b] of buckets) if (b.tokens + ((t - b.updated) / 60_000) * perMinute >= perMinute) buckets.delete(k);
        lastSweep = t;
      }
      const bucket = buckets.get(key) ?? { tokens: perMinute, updated: t };
      bucket.tokens = Math.min(perMinute, bucket.tokens + ((t - bucket.updated) / 60_000) * perMinute);
      bucket.updated = t;
      buckets.set(key, bucket);
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return;
      }
      const retryAfter = Math.ceil(((1 - bucket.tokens) / perMinute) * 60);
      endResponse(
        fetchAPI.Response.json(
          { errors: [{ message: "Too many requests: slow down.", extensions: { code: "request/rate-limited" } }] },
          { status: 429, headers: { "Retry-After": String(retryAfter) } },
        ),
      );
    },
  };
}

function clientAddress(request: Request, req: IncomingMessage | undefined, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = request.headers.get("x-forwarded-for")?.split(",")[0]?.trim();
    if (forwarded) return forwarded;
  }
  return req?.socket?.remoteAddress ?? "local";
}
