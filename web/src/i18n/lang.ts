/** The language in use, and formatting in it. The route carries it (`?lang=en`); French by default. */
import { en } from "./en.ts";
import { fr, type Dictionary } from "./fr.ts";

export type Lang = "fr" | "en";
export const LANGS: readonly Lang[] = ["fr", "en"];

let current: Lang = "fr";
const dictionaries: Record<Lang, Dictionary> = { fr, en };

export function setLang(lang: Lang): void {
  current = lang;
  document.documentElement.lang = lang;
}

export function lang(): Lang {
  return current;
}

/** The dictionary of the current language. */
export function t(): Dictionary {
  return dictionaries[current];
}

/** A text the API gave in both languages. */
export function pick(text: { fr: string; en: string }): string {
  return text[current];
}

const numberFormats = new Map<string, Intl.NumberFormat>();

function numberFormat(options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = current + JSON.stringify(options);
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(t().locale, options);
    numberFormats.set(key, format);
  }
  return format;
}

export function fmtNumber(value: number, maxDigits = 2): string {
  return numberFormat({ maximumFractionDigits: maxDigits }).format(value);
}

export function fmtFixed(value: number, digits: number): string {
  return numberFormat({ minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);
}

export function fmtPercent(share: number, maxDigits = 0): string {
  return numberFormat({ style: "percent", maximumFractionDigits: maxDigits }).format(share);
}

/** A calendar day `YYYY-MM-DD`, read as a day (no time zone shift). */
export function fmtDate(day: string, style: "long" | "short" = "long"): string {
  const [y, m, d] = day.slice(0, 10).split("-").map(Number);
  const date = new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1));
  return new Intl.DateTimeFormat(t().locale, { dateStyle: style === "long" ? "long" : "medium", timeZone: "UTC" }).format(date);
}

export function fmtTime(date: Date): string {
  return new Intl.DateTimeFormat(t().locale, { timeStyle: "short" }).format(date);
}

/** "Label : value" in French typography, "Label: value" in English. */
export function labelled(label: string, value: string): string {
  return `${label}${current === "fr" ? "\u00a0: " : ": "}${value}`;
}
