import type { Plugin } from "graphql-yoga";

/**
 * Headers every response carries: no MIME sniffing, no framing by other sites, no referrer
 * leaking ids to other origins. The content security policy allows only this origin, plus the
 * inline script and style the bundled GraphiQL page needs and the blob: workers it starts.
 */
export function securityHeaders(): Plugin {
  return {
    onResponse({ response }) {
      response.headers.set("X-Content-Type-Options", "nosniff");
      response.headers.set("X-Frame-Options", "DENY");
      response.headers.set("Referrer-Policy", "no-referrer");
      response.headers.set(
        "Content-Security-Policy",
        "default-src 'self'; script-src 'self' 'unsafe-inline' blob:; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; worker-src 'self' blob:; connect-src 'self'; frame-ancestors 'none'",
      );
    },
  };
}
