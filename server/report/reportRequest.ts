import { z } from "zod";

/**
 * What a notebook is asked with, over HTTP or on the command line. Kept apart from the renderer so
 * the CLI can check its command line without loading the API first.
 */
export const ReportRequest = z.object({
  // INSEE, SIREN or a source's own code: letters, digits, and the dashes and underscores some use.
  territoryCode: z.string().regex(/^[0-9A-Za-z][0-9A-Za-z_-]{0,39}$/, "a territory code is 1 to 40 letters, digits, - or _"),
  lang: z.enum(["fr", "en"]).default("fr"),
  format: z.enum(["html", "pdf"]).default("html"),
});
export type ReportRequest = z.infer<typeof ReportRequest>;
