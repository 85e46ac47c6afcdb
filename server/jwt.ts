import crypto from "node:crypto";
import fs from "node:fs";
import {
  createLocalJWKSet,
  createRemoteJWKSet,
  errors,
  jwtVerify,
  type JSONWebKeySet,
  type JWTPayload,
  type JWTVerifyGetKey,
  type JWTVerifyOptions,
} from "jose";
import { ConfigError, type JWT_ALGORITHMS } from "./config.js";
import type { Viewer } from "../schema/context.js";
import { Role } from "../record/generated/prisma/enums.js";
import type { Logger } from "./logger.js";

/**
 * Single sign-on: a bearer that is a JWT signed by the configured issuer stands for a role (and,
 * for a catalyst, an actor) without an API token. Only asymmetric signatures are accepted, from
 * the issuer's published keys, so neither `alg: none` nor an HMAC "signed" with a public key can
 * pass. This module verifies; server/auth.ts turns its errors into HTTP answers.
 */
export interface JwtSettings {
  /** The `iss` every token must carry. */
  issuer: string;
  /** The `aud` every token must include: this API's identifier at the issuer. */
  audience: string;
  /** The issuer's public keys: a JWKS served at a URL, or a JWKS file. */
  keys: { url: URL } | { file: string };
  /** The claim naming the Maillage role (CATALYST, RESEARCHER, EDITOR or ADMIN, any case). */
  roleClaim: string;
  /** The claim holding a catalyst's actor id. */
  actorClaim: string;
  algorithms: (typeof JWT_ALGORITHMS)[number][];
  /** Clock skew allowed on `exp` and `nbf`. */
  clockToleranceSeconds: number;
}

export interface JwtVerifier {
  /** The viewer a verified token stands for; throws JwtRejectedError or JwtKeysUnavailableError. */
  viewerOf(token: string): Promise<Viewer>;
}

/** The token is not acceptable: the client's problem (401). */
export class JwtRejectedError extends Error {
  override name = "JwtRejectedError";
}

/** The issuer's keys could not be fetched: ours, or the issuer's (503), not the client's. */
export class JwtKeysUnavailableError extends Error {
  override name = "JwtKeysUnavailableError";
}

/** Three base64url parts; the last may be empty, as in an unsigned `alg: none` token, which must still be refused as a JWT. */
const COMPACT_JWS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;

export function looksLikeJwt(bearer: string): boolean {
  return COMPACT_JWS.test(bearer);
}

/** How long a fetch of the issuer's keys may take, and how long fetched keys are trusted. */
const REMOTE_KEYS = { timeoutDuration: 5_000, cooldownDuration: 30_000, cacheMaxAge: 10 * 60_000 };

export function createJwtVerifier(settings: JwtSettings, logger?: Logger): JwtVerifier {
  const getKey = "url" in settings.keys ? remoteKeys(settings.keys.url, logger) : createLocalJWKSet(readKeyFile(settings.keys.file));
  const options: JWTVerifyOptions = {
    issuer: settings.issuer,
    audience: settings.audience,
    algorithms: settings.algorithms,
    clockTolerance: settings.clockToleranceSeconds,
    // A token without an expiry would be good forever once leaked.
    requiredClaims: ["exp"],
  };
  return {
    async viewerOf(token) {
      let payload: JWTPayload;
      try {
        payload = await verifyWithAnyKey(token, getKey, options);
      } catch (error) {
        if (error instanceof JwtKeysUnavailableError) throw error;
        throw new JwtRejectedError(reasonOf(error));
      }
      return viewerFrom(payload, settings);
    },
  };
}

/**
 * The issuer's key set, cached by jose, refetched when a token names an unknown key (at most every
 * 30 s). A fetch that fails is told apart from a token that matches no key.
 */
function remoteKeys(url: URL, logger: Logger | undefined): JWTVerifyGetKey {
  const keys = createRemoteJWKSet(url, REMOTE_KEYS);
  return async (header, token) => {
    try {
      return await keys(header, token);
    } catch (error) {
      if (error instanceof errors.JWKSNoMatchingKey || error instanceof errors.JWKSMultipleMatchingKeys) throw error;
      // The operator needs to know; the client only that it should retry.
      logger?.warn({ jwksUrl: url.href, reason: (error as Error).message }, "cannot fetch the JWT issuer's keys");
      throw new JwtKeysUnavailableError("The issuer's signing keys cannot be fetched right now.", { cause: error });
    }
  };
}

/** Read once, at start-up: a missing or unusable file stops the server with one clear line. */
function readKeyFile(file: string): JSONWebKeySet {
  let jwks: JSONWebKeySet;
  try {
    jwks = JSON.parse(fs.readFileSync(file, "utf8")) as JSONWebKeySet;
  } catch (error) {
    throw new ConfigError(`Invalid configuration:\n  JWT_JWKS_FILE: cannot read a JSON key set from ${file} (${(error as Error).message})`);
  }
  const keys = Array.isArray(jwks?.keys) ? jwks.keys : null;
  if (!keys || keys.length === 0) throw new ConfigError(`Invalid configuration:\n  JWT_JWKS_FILE: ${file} holds no "keys"`);
  // A private or symmetric key has no business on an API server: refuse rather than use it.
  if (keys.some((key) => key.kty === "oct" || "d" in key)) {
    throw new ConfigError(`Invalid configuration:\n  JWT_JWKS_FILE: ${file} must hold public keys only (no "d", no "oct" keys)`);
  }
  // jose imports a key when a token first names it: check them all now, not at the first login.
  for (const [index, key] of keys.entries()) {
    try {
      crypto.createPublicKey({ key: key as crypto.JsonWebKey, format: "jwk" });
    } catch (error) {
      throw new ConfigError(`Invalid configuration:\n  JWT_JWKS_FILE: key ${index} of ${file} is not a usable public key (${(error as Error).message})`);
    }
  }
  return jwks;
}

/** When several keys fit a token without a `kid`, jose hands them over to try one by one. */
async function verifyWithAnyKey(token: string, getKey: JWTVerifyGetKey, options: JWTVerifyOptions): Promise<JWTPayload> {
  try {
    return (await jwtVerify(token, getKey, options)).payload;
  } catch (error) {
    if (!(error instanceof errors.JWKSMultipleMatchingKeys)) throw error;
    for await (const key of error) {
      try {
        return (await jwtVerify(token, key, options)).payload;
      } catch (inner) {
        if (!(inner instanceof errors.JWSSignatureVerificationFailed)) throw inner;
      }
    }
    throw new errors.JWSSignatureVerificationFailed();
  }
}

/** A message for the client that says what is wrong without echoing what the token holds. */
function reasonOf(error: unknown): string {
  if (error instanceof errors.JWTExpired) return "The token has expired.";
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === "nbf") return "The token is not valid yet.";
    if (error.claim === "iss") return "The token comes from another issuer.";
    if (error.claim === "aud") return "The token is meant for another audience.";
    if (error.reason === "missing") return `The token has no "${error.claim}" claim.`;
    return `The token's "${error.claim}" claim is invalid.`;
  }
  if (error instanceof errors.JOSEAlgNotAllowed) return "The token's signing algorithm is not accepted.";
  if (error instanceof errors.JWKSNoMatchingKey) return "No key of the issuer matches the token.";
  if (error instanceof errors.JWSSignatureVerificationFailed) return "The token's signature does not verify.";
  return "The token is malformed.";
}

const ROLES = new Set<string>(Object.values(Role));

function viewerFrom(payload: JWTPayload, settings: JwtSettings): Viewer {
  const claimed = payload[settings.roleClaim];
  const role = typeof claimed === "string" ? claimed.toUpperCase() : null;
  if (!role || !ROLES.has(role)) {
    throw new JwtRejectedError(`The token's "${settings.roleClaim}" claim names no Maillage role (one of ${[...ROLES].join(", ")}).`);
  }
  if (role !== "CATALYST") return { role: role as Role, tokenId: null, actorId: null };
  // A catalyst speaks for one actor; without it, it could edit nothing, so say so at once.
  const actor = payload[settings.actorClaim];
  const actorId = typeof actor === "number" ? actor : typeof actor === "string" && /^\d{1,15}$/.test(actor) ? Number(actor) : NaN;
  if (!Number.isSafeInteger(actorId) || actorId <= 0) {
    throw new JwtRejectedError(`A CATALYST token needs the actor it speaks for, as a positive integer, in its "${settings.actorClaim}" claim.`);
  }
  return { role: "CATALYST", tokenId: null, actorId };
}
