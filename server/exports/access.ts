import type { Viewer } from "../../schema/context.js";
import type { Role } from "../../record/generated/prisma/enums.js";

/**
 * Who may export, and who gets contact people in an export: the API's rules, stated once here for
 * the HTTP layer. A file holds the whole network at once, which the API gives only to roles that
 * read everything (RESEARCHER and up); a catalyst speaks for one actor and gets none. Contact
 * people are the API's `personalData` scope (schema/builder.ts): EDITOR and ADMIN, never a
 * researcher, whatever the request asks. test/exports/access.test.ts holds the two rules together.
 */
export const EXPORT_ROLES: ReadonlySet<Role> = new Set<Role>(["RESEARCHER", "EDITOR", "ADMIN"]);
const PERSONAL_DATA_ROLES: ReadonlySet<Role> = new Set<Role>(["EDITOR", "ADMIN"]);

export function mayExport(viewer: Viewer): boolean {
  return viewer.role !== null && EXPORT_ROLES.has(viewer.role);
}

export function mayReadPersonalData(viewer: Viewer): boolean {
  return viewer.role !== null && PERSONAL_DATA_ROLES.has(viewer.role);
}
