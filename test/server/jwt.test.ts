import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { exportJWK, exportSPKI, generateKeyPair, SignJWT, UnsecuredJWT, type CryptoKey, type JWK, type JWTPayload } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createToken } from "../../server/auth.js";
import { ConfigError, jwtOf, loadConfig } from "../../server/config.js";
import { createJwtVerifier, type JwtSettings } from "../../server/jwt.js";
import { DEFAULT_LIMITS } from "../../schema/limits.js";
import { createLogger } from "../../server/logger.js";
import { createServer, type MaillageYoga } from "../../server/yoga.js";
import { runFailingStart } from "../support/childServer.js";
import { globalId } from "../support/rejected.js";
import { startTestApi, type TestApi } from "../support/testApi.js";

const ISSUER = "https://sso.maillage.test/realms/territoires";
const AUDIENCE = "maillage-api";
const UPDATE_ACTOR = `mutation ($id: ID!, $input: UpdateActorInput!) { updateActor(id: $id, input: $input) { __typename } }`;
const AUDIT_LOG = `{ auditLog(first: 1) { nodes { operation role tokenId } } }`;

let api: TestApi;
let rsa: { privateKey: CryptoKey; publicKey: CryptoKey };
let ec: { privateKey: CryptoKey; publicKey: CryptoKey };
let rsaPublic: JWK;
let jwksServer: http.Server;
let jwksFetches = 0;
let jwksUrl: URL;
let dir: string;
let viaUrl: MaillageYoga;
let viaFile: MaillageYoga;
let catalystActor: number;

function settings(keys: JwtSettings["keys"]): JwtSettings {
  return {
    issuer: ISSUER,
    audience: AUDIENCE,
    keys,
    roleClaim: "maillage_role",
    actorClaim: "maillage_actor",
    algorithms: ["RS256", "ES256", "EdDSA"],
    clockToleranceSeconds: 30,
  };
}

function serverWith(keys: JwtSettings["keys"]): MaillageYoga {
  const limits = { ...DEFAULT_LIMITS, tokenRequestsPerMinute: 1_000_000, anonymousRequestsPerMinute: 1_000_000, requestTimeoutMs: 300_000 };
  return createServer({ db: api.db, graph: api.graph, logger: createLogger("silent"), limits, jwt: createJwtVerifier(settings(keys)) });
}

/** Serves a JSON body on a port of its own; the JWKS endpoint counts its fetches. */
async function listen(handler: http.RequestListener): Promise<http.Server> {
  const server = http.createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return server;
}
const urlOf = (server: http.Server, file: string) => new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}/${file}`);

beforeAll(async () => {
  api = await startTestApi();
  catalystActor = (await api.db.prisma.actor.findFirst({ where: { isCatalyst: true }, orderBy: { id: "asc" }, select: { id: true } }))!.id;
  rsa = await generateKeyPair("RS256", { extractable: true });
  ec = await generateKeyPair("ES256", { extractable: true });
  rsaPublic = { ...(await exportJWK(rsa.publicKey)), kid: "rsa-1", alg: "RS256", use: "sig" };
  const jwks = { keys: [rsaPublic, { ...(await exportJWK(ec.publicKey)), kid: "ec-1", alg: "ES256", use: "sig" }] };
  jwksServer = await listen((_req, res) => {
    jwksFetches += 1;
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(jwks));
  });
  jwksUrl = urlOf(jwksServer, "jwks.json");
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "maillage-jwt-"));
  fs.writeFileSync(path.join(dir, "jwks.json"), JSON.stringify(jwks));
  viaUrl = serverWith({ url: jwksUrl });
  viaFile = serverWith({ file: path.join(dir, "jwks.json") });
});

afterAll(async () => {
  await new Promise((resolve) => jwksServer?.close(resolve));
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
  await api?.close();
});

interface SignOptions {
  key?: CryptoKey | Uint8Array;
  alg?: string;
  kid?: string;
  /** Seconds from now; null leaves the claim out. */
  expiresIn?: number | null;
  notBefore?: number;
  issuer?: string;
  audience?: string;
}

async function sign(claims: JWTPayload, options: SignOptions = {}): Promise<string> {
  const alg = options.alg ?? "RS256";
  const kid = options.kid ?? (alg === "ES256" ? "ec-1" : "rsa-1");
  const now = Math.floor(Date.now() / 1000);
  const jwt = new SignJWT({ sub: "user-42", ...claims })
    .setProtectedHeader({ alg, kid, typ: "JWT" })
    .setIssuer(options.issuer ?? ISSUER)
    .setAudience(options.audience ?? AUDIENCE)
    .setIssuedAt();
  if (options.expiresIn !== null) jwt.setExpirationTime(now + (options.expiresIn ?? 300));
  if (options.notBefore !== undefined) jwt.setNotBefore(now + options.notBefore);
  return jwt.sign(options.key ?? (alg === "ES256" ? ec.privateKey : rsa.privateKey));
}

async function ask(yoga: MaillageYoga, token: string | null, query: string, variables: Record<string, unknown> = {}) {
  const response = await yoga.fetch("http://maillage.test/graphql", {
    method: "POST",
    headers: { "content-type": "application/json", ...(token && { authorization: `Bearer ${token}` }) },
    body: JSON.stringify({ query, variables }),
  });
  return {
    status: response.status,
    headers: response.headers,
    body: (await response.json()) as { data?: any; errors?: { message: string; extensions?: { code?: string } }[] },
  };
}

/** Refused as a bad token: 401, the RFC 6750 challenge, a message that says why. */
async function expectInvalid(token: string, reason: RegExp, yoga = viaUrl) {
  const { status, headers, body } = await ask(yoga, token, "{ __typename }");
  expect(status).toBe(401);
  expect(headers.get("www-authenticate")).toBe('Bearer realm="maillage", error="invalid_token"');
  expect(body.errors?.[0]?.extensions?.code).toBe("auth/invalid-token");
  expect(body.errors?.[0]?.message).toMatch(reason);
  expect(body.data).toBeUndefined();
}

describe("a JWT from the configured issuer", () => {
  it("stands for the role its claim names, in any case, with keys from a URL or a file", async () => {
    const verifier = createJwtVerifier(settings({ url: jwksUrl }));
    for (const role of ["RESEARCHER", "EDITOR", "ADMIN"]) {
      expect(await verifier.viewerOf(await sign({ maillage_role: role.toLowerCase() }))).toEqual({ role, tokenId: null, actorId: null });
    }
    const fromFile = createJwtVerifier(settings({ file: path.join(dir, "jwks.json") }));
    expect(await fromFile.viewerOf(await sign({ maillage_role: "EDITOR" }, { alg: "ES256" }))).toEqual({ role: "EDITOR", tokenId: null, actorId: null });
  });

  it("gives an admin the audit log and a researcher nothing to write, over HTTP", async () => {
    const admin = await ask(viaUrl, await sign({ maillage_role: "ADMIN" }), AUDIT_LOG);
    expect(admin.status).toBe(200);
    expect(admin.body.errors).toBeUndefined();
    const researcher = await sign({ maillage_role: "RESEARCHER" }, { alg: "ES256" });
    const log = await ask(viaFile, researcher, AUDIT_LOG);
    expect(log.status).toBe(200);
    expect(log.body.errors?.[0]?.extensions?.code).toBe("auth/forbidden");
    const write = await ask(viaFile, researcher, UPDATE_ACTOR, { id: globalId("Actor", catalystActor), input: { description: "Non" } });
    expect(write.body.data.updateActor.__typename).toBe("ForbiddenError");
  });

  it("lets an editor write, and the audit log records the role of a JWT without a token id", async () => {
    const editor = await sign({ maillage_role: "EDITOR" }, { alg: "ES256" });
    const write = await ask(viaUrl, editor, UPDATE_ACTOR, { id: globalId("Actor", catalystActor + 1), input: { description: "Par le SSO" } });
    expect(write.body.data.updateActor.__typename).toBe("UpdateActorSuccess");
    const log = await ask(viaUrl, await sign({ maillage_role: "ADMIN" }), AUDIT_LOG);
    expect(log.body.data.auditLog.nodes[0]).toEqual({ operation: "updateActor", role: "EDITOR", tokenId: null });
  });

  it("makes a catalyst speak for the actor of its claim, and no other", async () => {
    const catalyst = await sign({ maillage_role: "CATALYST", maillage_actor: String(catalystActor) });
    const own = await ask(viaUrl, catalyst, UPDATE_ACTOR, { id: globalId("Actor", catalystActor), input: { description: "Mis à jour par SSO" } });
    expect(own.body.data.updateActor.__typename).toBe("UpdateActorSuccess");
    const other = await ask(viaUrl, catalyst, UPDATE_ACTOR, { id: globalId("Actor", catalystActor + 1), input: { description: "Intrusion" } });
    expect(other.body.data.updateActor.__typename).toBe("ForbiddenError");
    const verifier = createJwtVerifier(settings({ url: jwksUrl }));
    expect(await verifier.viewerOf(await sign({ maillage_role: "CATALYST", maillage_actor: catalystActor }))).toEqual({
      role: "CATALYST",
      tokenId: null,
      actorId: catalystActor,
    });
  });

  it("fetches the issuer's keys once and keeps them", async () => {
    const before = jwksFetches;
    const fresh = serverWith({ url: jwksUrl });
    for (let i = 0; i < 5; i += 1) expect((await ask(fresh, await sign({ maillage_role: "RESEARCHER" }), "{ __typename }")).status).toBe(200);
    expect(jwksFetches - before).toBe(1);
  });

  it("still lets API tokens in beside JWTs", async () => {
    const { token } = await createToken(api.db.prisma, "ADMIN", "beside SSO");
    const result = await ask(viaUrl, token, AUDIT_LOG);
    expect(result.status).toBe(200);
    expect(result.body.errors).toBeUndefined();
    expect((await ask(viaUrl, "mlg_unknown", "{ __typename }")).status).toBe(401);
  });

  it("tolerates a few seconds of clock skew, not more", async () => {
    expect((await ask(viaUrl, await sign({ maillage_role: "RESEARCHER" }, { expiresIn: -5 }), "{ __typename }")).status).toBe(200);
    await expectInvalid(await sign({ maillage_role: "RESEARCHER" }, { expiresIn: -120 }), /expired/);
  });
});

describe("a JWT that must be refused with 401", () => {
  it("comes from another issuer or for another audience", async () => {
    await expectInvalid(await sign({ maillage_role: "ADMIN" }, { issuer: "https://evil.test" }), /another issuer/);
    await expectInvalid(await sign({ maillage_role: "ADMIN" }, { audience: "another-api" }), /another audience/);
  });

  it("has expired, is not valid yet, or never expires", async () => {
    await expectInvalid(await sign({ maillage_role: "ADMIN" }, { expiresIn: -3600 }), /expired/);
    await expectInvalid(await sign({ maillage_role: "ADMIN" }, { notBefore: 600 }), /not valid yet/);
    await expectInvalid(await sign({ maillage_role: "ADMIN" }, { expiresIn: null }), /"exp"/);
  });

  it("is unsigned (alg none)", async () => {
    const unsigned = new UnsecuredJWT({ maillage_role: "ADMIN" }).setIssuer(ISSUER).setAudience(AUDIENCE).setExpirationTime("5m").encode();
    expect(unsigned.endsWith(".")).toBe(true);
    await expectInvalid(unsigned, /algorithm is not accepted/);
    await expectInvalid(unsigned, /algorithm is not accepted/, viaFile);
  });

  it("is an HMAC signed with the issuer's public key", async () => {
    for (const secret of [new TextEncoder().encode(await exportSPKI(rsa.publicKey)), new TextEncoder().encode(JSON.stringify(rsaPublic))]) {
      const forged = await sign({ maillage_role: "ADMIN" }, { alg: "HS256", key: secret });
      await expectInvalid(forged, /algorithm is not accepted/);
      await expectInvalid(forged, /algorithm is not accepted/, viaFile);
    }
  });

  it("names a key the issuer does not have", async () => {
    const stranger = await generateKeyPair("RS256");
    await expectInvalid(await sign({ maillage_role: "ADMIN" }, { kid: "rsa-2", key: stranger.privateKey }), /No key/);
    await expectInvalid(await sign({ maillage_role: "ADMIN" }, { kid: "rsa-2", key: stranger.privateKey }), /No key/, viaFile);
    // The right kid, the wrong private key.
    await expectInvalid(await sign({ maillage_role: "ADMIN" }, { key: stranger.privateKey }), /signature/);
  });

  it("had its payload changed after signing", async () => {
    const [header, , signature] = (await sign({ maillage_role: "RESEARCHER" })).split(".");
    const now = Math.floor(Date.now() / 1000);
    const payload = Buffer.from(JSON.stringify({ sub: "user-42", maillage_role: "ADMIN", iss: ISSUER, aud: AUDIENCE, exp: now + 300 })).toString("base64url");
    await expectInvalid(`${header}.${payload}.${signature}`, /signature/);
  });

  it("names no Maillage role, or a catalyst without its actor", async () => {
    await expectInvalid(await sign({ maillage_role: "SUPERUSER" }), /"maillage_role" claim names no Maillage role/);
    await expectInvalid(await sign({}), /"maillage_role" claim names no Maillage role/);
    await expectInvalid(await sign({ maillage_role: ["ADMIN"] }), /names no Maillage role/);
    await expectInvalid(await sign({ maillage_role: "CATALYST" }), /"maillage_actor" claim/);
    await expectInvalid(await sign({ maillage_role: "CATALYST", maillage_actor: "Actor:1" }), /"maillage_actor" claim/);
  });

  it("is not a JWT at all once decoded", async () => {
    await expectInvalid("eyJhbGciOiJSUzI1NiJ9.bm90IGpzb24.c2ln", /malformed|signature/);
  });
});

describe("when the issuer's keys cannot be fetched", () => {
  it("answers 503 with Retry-After, not 401 and not a crash, and keeps serving", async () => {
    const closed = await listen(() => {});
    const unreachable = urlOf(closed, "jwks.json");
    await new Promise((resolve) => closed.close(resolve));
    const failing = await listen((_req, res) => res.writeHead(500).end("down"));
    const garbage = await listen((_req, res) => res.writeHead(200, { "content-type": "application/json" }).end('{"keys": "none"}'));
    try {
      for (const url of [unreachable, urlOf(failing, "jwks.json"), urlOf(garbage, "jwks.json")]) {
        const yoga = serverWith({ url });
        const { status, headers, body } = await ask(yoga, await sign({ maillage_role: "ADMIN" }), "{ __typename }");
        expect(status).toBe(503);
        expect(headers.get("retry-after")).toBe("30");
        expect(body.errors?.[0]?.extensions?.code).toBe("auth/keys-unavailable");
        expect(body.errors?.[0]?.message).not.toContain("127.0.0.1");
        const anonymous = await ask(yoga, null, "{ ecosystems(first: 1) { totalCount } }");
        expect(anonymous.status).toBe(200);
        expect(anonymous.body.data.ecosystems.totalCount).toBeGreaterThan(0);
      }
    } finally {
      await new Promise((resolve) => failing.close(resolve));
      await new Promise((resolve) => garbage.close(resolve));
    }
  });
});

describe("JWT configuration", () => {
  const complete = { JWT_ISSUER: ISSUER, JWT_AUDIENCE: AUDIENCE, JWT_JWKS_URL: "https://sso.maillage.test/certs" };

  function problems(env: Record<string, string>): string {
    try {
      loadConfig(env);
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      return (error as Error).message;
    }
    throw new Error("the configuration was accepted");
  }

  it("is off unless set, and takes safe defaults when set", () => {
    expect(jwtOf(loadConfig({}))).toBeNull();
    expect(jwtOf(loadConfig(complete))).toEqual({
      issuer: ISSUER,
      audience: AUDIENCE,
      keys: { url: new URL("https://sso.maillage.test/certs") },
      roleClaim: "maillage_role",
      actorClaim: "maillage_actor",
      algorithms: ["RS256", "ES256", "EdDSA"],
      clockToleranceSeconds: 30,
    });
    expect(jwtOf(loadConfig({ ...complete, JWT_JWKS_URL: "http://127.0.0.1:8080/certs" }))?.keys).toEqual({ url: new URL("http://127.0.0.1:8080/certs") });
    expect(jwtOf(loadConfig({ ...complete, JWT_ALGORITHMS: "ES256" }))?.algorithms).toEqual(["ES256"]);
  });

  it("refuses half a configuration, both key sources or neither", () => {
    expect(problems({ JWT_ISSUER: ISSUER })).toMatch(/JWT_AUDIENCE[\s\S]*JWT_JWKS_URL, JWT_JWKS_FILE: set exactly one/);
    expect(problems({ JWT_AUDIENCE: AUDIENCE, JWT_JWKS_FILE: "keys.json" })).toContain("JWT_ISSUER: required");
    expect(problems({ ...complete, JWT_JWKS_FILE: "keys.json" })).toContain("set exactly one");
  });

  it("refuses keys over plain HTTP from another machine, HMAC or none algorithms, and a loose clock", () => {
    expect(problems({ ...complete, JWT_JWKS_URL: "http://sso.maillage.test/certs" })).toMatch(/JWT_JWKS_URL: must be https/);
    expect(problems({ ...complete, JWT_JWKS_URL: "ftp://sso.maillage.test/certs" })).toContain("JWT_JWKS_URL");
    for (const algorithms of ["HS256", "none", "RS256,HS512", ","]) expect(problems({ ...complete, JWT_ALGORITHMS: algorithms })).toContain("JWT_ALGORITHMS");
    expect(problems({ ...complete, JWT_CLOCK_TOLERANCE_SECONDS: "3600" })).toContain("JWT_CLOCK_TOLERANCE_SECONDS");
  });

  it("refuses a key file that is missing, not a key set, or holds a private or symmetric key", async () => {
    const write = (name: string, content: unknown) => {
      const file = path.join(dir, name);
      fs.writeFileSync(file, typeof content === "string" ? content : JSON.stringify(content));
      return file;
    };
    const privateJwk = await exportJWK((await generateKeyPair("ES256", { extractable: true })).privateKey);
    const files: [string, RegExp][] = [
      [path.join(dir, "missing.json"), /cannot read/],
      [write("text.json", "not json"), /cannot read/],
      [write("empty.json", { keys: [] }), /holds no "keys"/],
      [write("private.json", { keys: [privateJwk] }), /public keys only/],
      [write("hmac.json", { keys: [{ kty: "oct", k: "c2VjcmV0" }] }), /public keys only/],
      [write("bad.json", { keys: [rsaPublic, { kty: "EC", crv: "P-256", x: "AAAA" }] }), /key 1 .* is not a usable public key/],
    ];
    for (const [file, reason] of files) {
      expect(() => createJwtVerifier(settings({ file }))).toThrow(ConfigError);
      expect(() => createJwtVerifier(settings({ file }))).toThrow(reason);
    }
  });

  it("stops the server at start-up with one line naming the variable", async () => {
    const { code, output } = await runFailingStart({
      DATA_DIR: path.join(dir, "data"),
      JWT_ISSUER: ISSUER,
      JWT_AUDIENCE: AUDIENCE,
      JWT_JWKS_FILE: path.join(dir, "nowhere.json"),
    });
    expect(code).toBe(1);
    expect(output).toMatch(/^maillage: Invalid configuration:\n {2}JWT_JWKS_FILE: cannot read/);
  });
});
