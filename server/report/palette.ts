/**
 * The web map's colours (web/src/ui/palette.ts), so a printed notebook reads like the map:
 * profiles in the Okabe-Ito palette, distinguishable with every common colour-vision deficiency;
 * maturity levels on ColorBrewer's YlGnBu, each with a text colour keeping 4.5:1 contrast.
 * Copied rather than imported: the web app is a separate build with its own module resolution.
 */
export const PROFILE_COLOURS = {
  ECONOMIC: "#E69F00",
  GENERAL_INTEREST: "#009E73",
  PUBLIC: "#0072B2",
  ACADEMIC: "#CC79A7",
} as const;

export const LEVEL_COLOURS: Readonly<Record<number, { fill: string; text: string }>> = {
  1: { fill: "#a1dab4", text: "#111" },
  2: { fill: "#41b6c4", text: "#111" },
  3: { fill: "#2c7fb8", text: "#fff" },
  4: { fill: "#253494", text: "#fff" },
};

export const TIE_COLOUR = "#b9bec7";
export const BRIDGE_TIE_COLOUR = "#D55E00";
export const INK = "#1d2330";
export const MUTED = "#596273";
export const GRID = "#d7dce3";
/** Lines of the history chart: Okabe-Ito blue, vermillion and bluish green, told apart by dash too. */
export const SERIES_COLOURS = ["#0072B2", "#D55E00", "#009E73"] as const;
