import { defineConfig } from "vite";

// No Node types in web/: read the one variable we need without pulling them in.
declare const process: { env: Record<string, string | undefined> };

/** The API the dev server proxies /graphql to. @default "http://127.0.0.1:4000" */
const api = process.env.MAILLAGE_API ?? "http://127.0.0.1:4000";
const webRoot = decodeURIComponent(new URL(".", import.meta.url).pathname);

// Built to web/dist and served by the API at "/", with index.html for any other path: absolute
// asset URLs, so that fallback page still finds them.
export default defineConfig({
  root: webRoot,
  base: "/",
  build: {
    outDir: "dist",
    emptyOutDir: true,
    target: "es2022",
    // sigma's WebGL renderer is ~300 kB on its own: it only loads with the network views.
    chunkSizeWarningLimit: 700,
    rollupOptions: {
      output: {
        // One named chunk for the WebGL stack, shared by every network view.
        manualChunks: (id: string) => (/node_modules\/(sigma|graphology|events)/.test(id) ? "network" : undefined),
      },
    },
  },
  server: {
    host: "127.0.0.1",
    proxy: { "/graphql": { target: api, changeOrigin: true } },
  },
  preview: {
    host: "127.0.0.1",
    proxy: { "/graphql": { target: api, changeOrigin: true } },
  },
});
