/**
 * HTML and SVG built with the `html` tag: every interpolated value is escaped unless it is
 * markup the tag built itself, so no name from the record can open a tag or leave an attribute.
 * The escapes are valid in HTML and in XML alike, so inline SVG stays well-formed XML.
 */
export class Markup {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function escapeText(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

function piece(value: unknown): string {
  if (value instanceof Markup) return value.value;
  if (Array.isArray(value)) return value.map(piece).join("");
  if (value === null || value === undefined || value === false) return "";
  return escapeText(String(value));
}

export function html(strings: TemplateStringsArray, ...values: unknown[]): Markup {
  let out = strings[0]!;
  values.forEach((value, i) => {
    out += piece(value) + strings[i + 1]!;
  });
  return new Markup(out);
}

/** Markup from a trusted constant (the stylesheet), never from the record. */
export const trusted = (text: string) => new Markup(text);
