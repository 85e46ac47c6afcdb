/**
 * The pieces of an import adapter's canonical text (record/imports/recordAdapters.ts): a state
 * read from the record and one bound from a row must give the same text when they hold the same
 * record, whatever the time of day a date carries or the order a list arrived in.
 */
export const day = (date: Date) => date.toISOString().slice(0, 10);
export const instant = (date: Date | null) => (date ? date.toISOString() : null);
export const sorted = (ids: number[]) => [...ids].sort((a, b) => a - b);
export const sameList = (a: number[], b: number[]) => a.length === b.length && sorted(a).every((v, i) => v === sorted(b)[i]);
