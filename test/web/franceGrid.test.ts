import { describe, expect, it } from "vitest";
import { METRO_TILES, OVERSEAS_TILES, wrapName } from "../../web/src/views/franceGrid.ts";

describe("web France cartogram", () => {
  it("has a tile for each of the 13 metropolitan and 5 overseas régions, by INSEE code", () => {
    const codes = [...METRO_TILES, ...OVERSEAS_TILES].map((t) => t.code);
    expect(METRO_TILES).toHaveLength(13);
    expect(OVERSEAS_TILES).toHaveLength(5);
    expect(new Set(codes).size).toBe(18);
    expect(codes.sort()).toEqual(["01", "02", "03", "04", "06", "11", "24", "27", "28", "32", "44", "52", "53", "75", "76", "84", "93", "94"]);
  });

  it("never puts two metropolitan tiles on the same cell", () => {
    const cells = METRO_TILES.flatMap((t) => Array.from({ length: t.span }, (_, i) => `${t.col + i},${t.row}`));
    expect(new Set(cells).size).toBe(cells.length);
  });

  it("wraps a long région name after the hyphen nearest its middle", () => {
    expect(wrapName("Bourgogne-Franche-Comté", 150)).toEqual(["Bourgogne-", "Franche-Comté"]);
    expect(wrapName("Provence-Alpes-Côte d'Azur", 150)).toEqual(["Provence-Alpes-", "Côte d'Azur"]);
    expect(wrapName("Bretagne", 150)).toEqual(["Bretagne"]);
    expect(wrapName("Nouvelle-Aquitaine", 308)).toEqual(["Nouvelle-Aquitaine"]);
  });
});
