import { builder } from "./builder.js";

/** The languages every label and explanation of the API comes in. */
export const LanguageEnum = builder.enumType("Language", { values: { FR: { description: "Français" }, EN: { description: "English" } } as const });

export type Language = "FR" | "EN";

export function inLanguage(text: { en: string; fr: string }, language: Language | null | undefined): string {
  return language === "EN" ? text.en : text.fr;
}
