import { NotFoundError } from "../record/errors.js";

/**
 * Relay global ids carry the type and the record's integer id. Parsing checks the type already
 * (`for:`); this turns the id part into the integer the record uses, refusing anything else as a
 * record that does not exist rather than a crash.
 */
export function recordId(globalId: { typename: string; id?: unknown }): number {
  const raw = String(globalId.id);
  const id = Number(raw);
  if (!Number.isSafeInteger(id) || id <= 0 || String(id) !== raw) throw new NotFoundError(globalId.typename, raw);
  return id;
}

/** The record id for an authorisation check: -1 (no record) for an id that names none. */
export function safeRecordId(globalId: { typename: string; id?: unknown }): number {
  const id = Number(String(globalId.id));
  return Number.isSafeInteger(id) && id > 0 ? id : -1;
}
