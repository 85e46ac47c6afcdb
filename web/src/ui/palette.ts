/**
 * Colours. Profiles use the Okabe-Ito palette (distinguishable with every common colour-vision
 * deficiency); maturity levels a sequential blue-green scale (ColorBrewer YlGnBu), each with the
 * text colour that keeps 4.5:1 contrast on it, and the level's digit is always written too.
 */
import type { InteractionKind, Profile } from "../api/types.ts";

export const PROFILE_COLOURS: Record<Profile, string> = {
  ECONOMIC: "#E69F00",
  GENERAL_INTEREST: "#009E73",
  PUBLIC: "#0072B2",
  ACADEMIC: "#CC79A7",
};

/** Actors of other territories, shown with the ecosystem's. */
export const OUTSIDE_COLOUR = "#9a9a9a";

export const LEVEL_COLOURS: Record<number, { fill: string; text: string }> = {
  1: { fill: "#a1dab4", text: "#111" },
  2: { fill: "#41b6c4", text: "#111" },
  3: { fill: "#2c7fb8", text: "#fff" },
  4: { fill: "#253494", text: "#fff" },
};

export function levelColour(level: number | null | undefined): { fill: string; text: string } {
  return LEVEL_COLOURS[level ?? 0] ?? { fill: "#e5e5e5", text: "#111" };
}

/** Pieces of a network broken by a removal, largest first; the rest fall back to grey. */
export const PIECE_COLOURS = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#F0E442"];
export const UNTOUCHED_PIECE_COLOUR = "#d4d4d4";

export function pieceColour(index: number): string {
  return PIECE_COLOURS[index] ?? "#7f7f7f";
}

export const INTERACTION_COLOURS: Record<InteractionKind, string> = {
  MEETING: "#56B4E9",
  JOINT_PROJECT: "#009E73",
  RESOURCE_EXCHANGE: "#E69F00",
  FUNDING: "#D55E00",
};

export const TIE_COLOUR = "#b9bec7";
export const TIE_UNCONFIRMED_COLOUR = "#dfe2e7";
export const DIMMED_NODE = "#e6e6e6";
export const DIMMED_TIE = "#f0f0f0";
export const PATH_COLOUR = "#D55E00";
export const SELECTED_RING = "#111111";
/** Actors and ties a live update just added: rung for a moment in the accent blue. */
export const NEW_COLOUR = "#0072B2";
