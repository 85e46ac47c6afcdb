import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import type { Plugin } from "graphql-yoga";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".json": "application/json",
  ".woff2": "font/woff2",
};
const API_PATHS = new Set(["/graphql", "/healthz", "/readyz", "/export"]);
/** Pages the service renders itself (the observation notebook). */
const SERVICE_PREFIXES = ["/report/"];

/**
 * Serves the built map (web/dist) at "/", and index.html for any other page path so deep links
 * reopen their view. Hashed assets are cached for a year; a missing asset is a 404; nothing
 * outside the folder is ever read.
 */
export function webApp({ dir }: { dir: string }): Plugin {
  const root = path.resolve(dir);
  return {
    async onRequest({ request, url, endResponse, fetchAPI }) {
      if (
        (request.method !== "GET" && request.method !== "HEAD") ||
        API_PATHS.has(url.pathname) ||
        SERVICE_PREFIXES.some((prefix) => url.pathname.startsWith(prefix))
      )
        return;
      let file: string;
      try {
        file = path.resolve(root, `.${decodeURIComponent(url.pathname)}`);
      } catch {
        return;
      }
      if (file !== root && !file.startsWith(root + path.sep)) return;
      const isFile = (await stat(file).catch(() => null))?.isFile() ?? false;
      const extension = path.extname(url.pathname);
      if (!isFile && extension && extension !== ".html") return endResponse(new fetchAPI.Response("Not found", { status: 404 }));
      const target = isFile ? file : path.join(root, "index.html");
      const body = await readFile(target).catch(() => null);
      if (!body) return;
      const hashed = target.startsWith(path.join(root, "assets") + path.sep);
      endResponse(
        new fetchAPI.Response(request.method === "HEAD" ? null : body, {
          headers: {
            "content-type": TYPES[path.extname(target)] ?? "application/octet-stream",
            "cache-control": hashed ? "public, max-age=31536000, immutable" : "no-cache",
          },
        }),
      );
    },
  };
}
