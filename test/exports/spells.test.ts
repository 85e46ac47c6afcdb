import { describe, expect, it } from "vitest";
import { mergeSpells, overlaps } from "../../server/exports/activity.js";
import { parseScope, scopeText } from "../../server/exports/request.js";

const day = (iso: string) => Math.floor(Date.parse(`${iso}T00:00:00Z`) / 86_400_000);

describe("a tie's spells", () => {
  it("merge overlapping and touching periods, keep gaps, and let a running period absorb what follows", () => {
    const spells = mergeSpells([
      { start: day("2021-05-01"), end: day("2021-05-01") },
      { start: day("2020-01-01"), end: day("2020-06-30") },
      { start: day("2020-07-01"), end: day("2020-09-30") },
      { start: day("2020-03-01"), end: day("2020-04-01") },
      { start: day("2022-01-01"), end: null },
      { start: day("2023-01-01"), end: day("2023-02-01") },
    ]);
    expect(spells).toEqual([
      { start: day("2020-01-01"), end: day("2020-09-30") },
      { start: day("2021-05-01"), end: day("2021-05-01") },
      { start: day("2022-01-01"), end: null },
    ]);
    expect(mergeSpells([])).toEqual([]);
  });

  it("meet a window when they share a day with it, bounds included", () => {
    const window = { from: new Date("2024-01-01T00:00:00Z"), to: new Date("2024-06-30T00:00:00Z") };
    expect(overlaps({ start: day("2023-01-01"), end: day("2024-01-01") }, window)).toBe(true);
    expect(overlaps({ start: day("2023-01-01"), end: day("2023-12-31") }, window)).toBe(false);
    expect(overlaps({ start: day("2024-06-30"), end: null }, window)).toBe(true);
    expect(overlaps({ start: day("2024-07-01"), end: null }, window)).toBe(false);
    expect(overlaps({ start: day("2019-01-01"), end: null }, window)).toBe(true);
    expect(overlaps({ start: day("2019-01-01"), end: day("2019-01-02") }, { from: null, to: null })).toBe(true);
  });
});

describe("the scope syntax", () => {
  it("reads national, a région, a territory with or without its level, and writes them back", () => {
    for (const text of ["national", "region:84", "territory:200071363", "territory:DEPARTEMENT:84", "territory:PROJECT:DEMO-PETR-01"])
      expect(scopeText(parseScope(text)!)).toBe(text);
    expect(parseScope("territory:epci:200071363")).toEqual({ kind: "territory", code: "200071363", level: "EPCI" });
  });

  it("refuses anything else", () => {
    for (const text of ["", "region", "region:", "regions:84", "territory:CANTON:12", "territory:a:b:c", "region:84/../1", "national:1", "territory:<x>"])
      expect(parseScope(text)).toBeNull();
  });
});
