// The two sides of the load benchmark (bench/load.ts): the databases it seeds (embedded, and a
// PostgreSQL server: BENCH_DATABASE_URL's or a throwaway cluster), and the real server it starts
// on them as a child process, with its memory sampled from outside.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { createToken } from "../server/auth.js";
import { openDatabase } from "../record/database.js";
import { seedDemo } from "../server/seed/seedDemo.js";

const ROOT = path.resolve(import.meta.dirname, "..");

export interface Backend {
  label: string;
  env: Record<string, string>;
  editorToken: string;
  close(): Promise<void>;
}

/** Migrates and seeds the demo, and creates the EDITOR token the writes use. */
async function seed(options: { url?: string; dataDir: string }): Promise<string> {
  const db = await openDatabase(options);
  try {
    await seedDemo(db.prisma);
    return (await createToken(db.prisma, "EDITOR", "load benchmark")).token;
  } finally {
    await db.close();
  }
}

export async function embedded(): Promise<Backend> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "maillage-load-"));
  const editorToken = await seed({ dataDir: dir });
  return { label: "embedded (PGlite)", env: { DATA_DIR: dir }, editorToken, close: async () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** BENCH_DATABASE_URL's server, or a throwaway cluster; null when there is neither. */
export async function postgres(): Promise<Backend | null> {
  const cluster = process.env.BENCH_DATABASE_URL ? null : startCluster();
  const serverUrl = process.env.BENCH_DATABASE_URL ?? cluster?.url;
  if (!serverUrl) return null;
  // A database of our own on that server, dropped afterwards: nothing of the server's is touched.
  const name = `maillage_load_${crypto.randomBytes(4).toString("hex")}`;
  const onServer = async <T>(run: (client: pg.Client) => Promise<T>): Promise<T> => {
    const client = new pg.Client({ connectionString: withDatabase(serverUrl, "postgres") });
    await client.connect();
    try {
      return await run(client);
    } finally {
      await client.end();
    }
  };
  const close = async () => {
    try {
      await onServer((client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    } finally {
      cluster?.stop();
    }
  };
  try {
    const version = await onServer(async (client) => {
      await client.query(`CREATE DATABASE "${name}"`);
      return (await client.query<{ server_version: string }>("SHOW server_version")).rows[0]!.server_version.split(" ")[0];
    });
    const url = withDatabase(serverUrl, name);
    const editorToken = await seed({ url, dataDir: "" });
    return { label: `PostgreSQL ${version}`, env: { DATABASE_URL: url }, editorToken, close };
  } catch (error) {
    await close();
    throw error;
  }
}

function withDatabase(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/** PostgreSQL's binaries: on PATH, or Debian's versioned folder (CI installs it there). */
function pgBin(): string | null {
  const debian = fs.existsSync("/usr/lib/postgresql")
    ? fs
        .readdirSync("/usr/lib/postgresql")
        .sort((a, b) => Number(b) - Number(a))
        .map((v) => `/usr/lib/postgresql/${v}/bin`)
    : [];
  const candidates = [...(process.env.PATH ?? "").split(path.delimiter), ...debian];
  return candidates.find((dir) => dir && fs.existsSync(path.join(dir, "initdb")) && fs.existsSync(path.join(dir, "pg_ctl"))) ?? null;
}

/** A cluster in a temporary folder on a free port, with PostgreSQL's default (durable) settings. */
function startCluster(): { url: string; stop(): void } | null {
  const bin = pgBin();
  if (!bin) return null;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "maillage-load-pg-"));
  // initdb refuses to run as root: run the cluster as the postgres user when we are root.
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const uid = Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }));
    const gid = Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }));
    fs.chownSync(dir, uid, gid);
  }
  const run = (tool: string, args: string[]) =>
    asRoot
      ? execFileSync("runuser", ["-u", "postgres", "--", path.join(bin, tool), ...args], { stdio: "ignore" })
      : execFileSync(path.join(bin, tool), args, { stdio: "ignore" });
  const port = freePort();
  const data = path.join(dir, "data");
  run("initdb", ["-D", data, "-U", "postgres", "-A", "trust", "--encoding=UTF8", "--locale=C.UTF-8"]);
  run("pg_ctl", ["-D", data, "-l", path.join(dir, "server.log"), "-w", "-o", `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1`, "start"]);
  return {
    url: `postgresql://postgres@127.0.0.1:${port}/postgres`,
    stop: () => {
      run("pg_ctl", ["-D", data, "-m", "fast", "-w", "stop"]);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A port nobody listens on now (a child process takes it a moment later). */
function freePort(): number {
  const script = "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})";
  return Number(execFileSync(process.execPath, ["-e", script], { encoding: "utf8" }));
}

// ------------------------------------------------------------------ the server

/**
 * Loaded into the server process by the bench only: it answers `process.memoryUsage()` over the
 * IPC channel the bench opens, so the heap can be sampled without adding an endpoint to the
 * service. It collects garbage first (the child runs with --expose-gc), so the trend is of live
 * memory, not of when the collector happened to run. RSS is read from /proc, which needs nothing
 * from the process.
 */
const MEMORY_PROBE =
  'data:text/javascript,process.on("message",(m)=>{if(m==="memory"){if(globalThis.gc)globalThis.gc();process.send(process.memoryUsage())}});process.channel?.unref();';

export interface Server {
  url: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

export async function startServer(env: Record<string, string>): Promise<Server> {
  const { DATABASE_URL: _url, DATA_DIR: _dir, NEO4J_URI: _neo4j, ...inherited } = process.env;
  const child = spawn(process.execPath, ["--expose-gc", "--import", "tsx", "--import", MEMORY_PROBE, "server/index.ts"], {
    cwd: ROOT,
    env: {
      ...inherited,
      PORT: "0",
      HOST: "127.0.0.1",
      GRAPH_ENGINE: "memory",
      SEED_ON_START: "false",
      LOG_LEVEL: "info",
      NODE_ENV: "production",
      RATE_LIMIT_TOKEN_PER_MINUTE: "10000000",
      RATE_LIMIT_ANONYMOUS_PER_MINUTE: "10000000",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe", "ipc"],
  });
  let tail = "";
  const keep = (chunk: Buffer) => (tail = (tail + chunk.toString()).slice(-20_000));
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the server did not start in 180 s:\n${tail}`)), 180_000);
    child.stdout!.on("data", () => {
      const match = /"url":"(http:[^"]+)\/graphql"[^\n]*"msg":"Maillage is listening"/.exec(tail);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`the server exited:\n${tail}`));
    });
  });
  return {
    url,
    child,
    stop: async () => {
      if (child.exitCode !== null) return;
      child.kill("SIGTERM");
      const killer = setTimeout(() => child.kill("SIGKILL"), 20_000);
      await exited;
      clearTimeout(killer);
    },
  };
}

export interface MemorySample {
  seconds: number;
  rssMb: number;
  heapMb: number | null;
}

/** RSS from /proc every `everyMs`, and the heap when the probe answers within the interval. */
export function sampleMemory(child: ChildProcess, everyMs: number): { stop(): MemorySample[] } {
  const samples: MemorySample[] = [];
  const start = performance.now();
  let pendingHeap: ((heap: number | null) => void) | null = null;
  const onMessage = (message: { heapUsed?: number }) => pendingHeap?.(typeof message.heapUsed === "number" ? message.heapUsed / 2 ** 20 : null);
  child.on("message", onMessage);
  const take = async () => {
    const status = fs.readFileSync(`/proc/${child.pid}/status`, "utf8");
    const rssMb = Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1]) / 1024;
    const heapMb = await new Promise<number | null>((resolve) => {
      const timer = setTimeout(() => resolve(null), everyMs / 2);
      pendingHeap = (heap) => {
        clearTimeout(timer);
        resolve(heap);
      };
      child.send("memory");
    });
    pendingHeap = null;
    samples.push({ seconds: (performance.now() - start) / 1000, rssMb, heapMb });
  };
  void take();
  const timer = setInterval(() => void take(), everyMs);
  return {
    stop: () => {
      clearInterval(timer);
      child.off("message", onMessage);
      return samples;
    },
  };
}
