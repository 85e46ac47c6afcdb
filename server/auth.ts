import crypto from "node:crypto";
import { GraphQLError } from "graphql";
import type { Role } from "../record/generated/prisma/enums.js";
import type { PrismaClient } from "../record/generated/prisma/client.js";
import { ANONYMOUS, type Viewer } from "../schema/context.js";
import { JwtKeysUnavailableError, JwtRejectedError, looksLikeJwt, type JwtVerifier } from "./jwt.js";

/**
 * Bearer API tokens. A token is 32 random bytes; only its SHA-256 is stored, so a leaked
 * database does not leak usable tokens, and the token itself is shown once, at creation.
 */
const TOKEN_PREFIX = "mlg_";

export function hashToken(token: string): string {
  return crypto.createHash("sha256").update(token).digest("hex");
}

export async function createToken(prisma: PrismaClient, role: Role, label: string, actorId: number | null = null): Promise<{ id: number; token: string }> {
  if ((role === "CATALYST") !== (actorId !== null)) throw new Error("A CATALYST token, and only one, speaks for an actor (--actor <id>).");
  const token = TOKEN_PREFIX + crypto.randomBytes(32).toString("base64url");
  const { id } = await prisma.apiToken.create({ data: { role, label, actorId, tokenHash: hashToken(token) }, select: { id: true } });
  return { id, token };
}

export async function revokeToken(prisma: PrismaClient, id: number): Promise<boolean> {
  const { count } = await prisma.apiToken.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: new Date() } });
  return count === 1;
}

/**
 * No Authorization header: anonymous. A header that names no live token is refused outright
 * (401) rather than silently downgraded, so a client with an expired token notices. With single
 * sign-on configured, a bearer shaped like a JWT is verified as one (server/jwt.ts).
 */
export async function authenticate(prisma: PrismaClient, authorization: string | null, jwt?: JwtVerifier): Promise<Viewer> {
  if (!authorization) return ANONYMOUS;
  const match = /^Bearer\s+(\S+)$/i.exec(authorization);
  if (jwt && match?.[1] && looksLikeJwt(match[1])) return viewerOfJwt(jwt, match[1]);
  const row = match?.[1]
    ? await prisma.apiToken.findUnique({ where: { tokenHash: hashToken(match[1]) }, select: { id: true, role: true, actorId: true, revokedAt: true } })
    : null;
  if (!row || row.revokedAt) throw invalidToken("The API token is unknown or revoked.");
  return { role: row.role, tokenId: row.id, actorId: row.actorId };
}

async function viewerOfJwt(jwt: JwtVerifier, token: string): Promise<Viewer> {
  try {
    return await jwt.viewerOf(token);
  } catch (error) {
    if (error instanceof JwtRejectedError) throw invalidToken(error.message);
    if (error instanceof JwtKeysUnavailableError) {
      throw new GraphQLError(error.message, { extensions: { code: "auth/keys-unavailable", http: { status: 503, headers: { "Retry-After": "30" } } } });
    }
    throw error;
  }
}

/** RFC 6750's answer to a bad bearer: 401 with `error="invalid_token"`. */
function invalidToken(message: string): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code: "auth/invalid-token", http: { status: 401, headers: { "WWW-Authenticate": 'Bearer realm="maillage", error="invalid_token"' } } },
  });
}
