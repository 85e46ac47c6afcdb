/**
 * Text for XML 1.0 documents (GEXF, GraphML). Characters XML 1.0 cannot carry at all (C0 controls
 * other than tab, newline and carriage return; lone surrogates; U+FFFE and U+FFFF) are dropped:
 * even escaped as &#1; they make a document ill-formed. Everything else is kept, escaped where
 * markup would read it.
 */
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

const NEEDS_WORK = /[^\u0020-\u0021\u0023-\u0025\u0028-\u003B\u003D\u003F-\uD7FF\uE000-\uFFFD]/;

export function xmlSafe(text: string): string {
  return text.replace(NOT_XML_CHAR, "");
}

/** For element content. */
export function escapeText(text: string): string {
  // Most values (codes, numbers, enum names) need nothing: skip the replacements for them.
  if (!NEEDS_WORK.test(text)) return text;
  return xmlSafe(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/**
 * For a double-quoted attribute value. Tab, newline and carriage return are written as
 * character references: literal ones would be normalised to spaces by every reader.
 */
export function escapeAttribute(text: string): string {
  if (!NEEDS_WORK.test(text)) return text;
  return escapeText(text).replace(/"/g, "&quot;").replace(/'/g, "&apos;").replace(/\t/g, "&#9;").replace(/\n/g, "&#10;").replace(/\r/g, "&#13;");
}

/** `name="value"` pairs, skipping null and undefined values. */
export function attributes(pairs: Record<string, string | number | null | undefined>): string {
  return Object.entries(pairs)
    .filter(([, value]) => value !== null && value !== undefined)
    .map(([name, value]) => ` ${name}="${escapeAttribute(String(value))}"`)
    .join("");
}
