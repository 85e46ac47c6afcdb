import { createRequire } from "node:module";
import type { SizeSegment, TerritoryLevel } from "../../record/generated/prisma/enums.js";
import { sizeSegmentOf } from "../../record/vocabulary/sizeSegment.js";

/** One Territory row, built in memory with its database id so that children can point at it. */
export interface TerritoryRow {
  id: number;
  level: TerritoryLevel;
  code: string;
  name: string;
  category: string | null;
  population: number | null;
  overseas: boolean;
  sizeSegment: SizeSegment | null;
  path: string;
  parentId: number | null;
  regionId: number | null;
  source: string;
}

export interface EpciTerritory {
  row: TerritoryRow;
  /** Names of its member communes: plausible place names for the demo actors. */
  communeNames: string[];
}

export interface OfficialTerritories {
  regions: TerritoryRow[];
  departements: TerritoryRow[];
  epcis: EpciTerritory[];
}

interface EtalabRegion {
  code: string;
  nom: string;
  zone: string;
}
interface EtalabDepartement {
  code: string;
  nom: string;
  region: string;
  zone: string;
}
interface EtalabCommune {
  code: string;
  nom: string;
  type: string;
  departement?: string;
  region?: string;
  population?: number;
}
interface EtalabEpci {
  code: string;
  nom: string;
  type: string;
  populationMunicipale?: number;
  populationTotale?: number;
  membres: { code: string; nom: string; populationMunicipale?: number }[];
}

const load = createRequire(import.meta.url);
const etalab = <T>(file: string): T => load(`@etalab/decoupage-administratif/data/${file}`) as T;

/** MET69 is the Métropole de Lyon, a territorial collectivity that is a metropolis for our needs. */
const EPCI_CATEGORY: Record<string, string> = { CC: "CC", CA: "CA", CU: "CU", METRO: "METRO", MET69: "METRO" };

/**
 * Régions, départements and EPCI from the official lists, with ids assigned in that order (régions
 * first) so that every parent is inserted before its children.
 *
 * Scope: regions.json has 26 entries: the 13 metropolitan régions ("metro"), the 5 DROM ("drom")
 * and 8 overseas collectivities ("com": Saint-Pierre-et-Miquelon, Polynésie, Nouvelle-Calédonie,
 * Clipperton...). The collectivities are not régions in the INSEE sense (their "region code" is
 * their own territory code), have no EPCI and are outside the programme, so they are left out,
 * together with their pseudo-départements: 18 régions, 101 départements.
 */
export function buildOfficialTerritories(): OfficialTerritories {
  const regionsData = etalab<EtalabRegion[]>("regions.json").filter((r) => r.zone === "metro" || r.zone === "drom");
  const departementsData = etalab<EtalabDepartement[]>("departements.json").filter((d) => d.zone === "metro" || d.zone === "drom");
  const communes = etalab<EtalabCommune[]>("communes.json").filter((c) => c.type === "commune-actuelle");
  const epciData = etalab<EtalabEpci[]>("epci.json");

  // Populations of régions and départements are the sum of their current communes (delegated
  // communes and municipal arrondissements would be counted twice).
  const regionPopulation = new Map<string, number>();
  const departementPopulation = new Map<string, number>();
  const departementOfCommune = new Map<string, string>();
  for (const commune of communes) {
    if (commune.departement) departementOfCommune.set(commune.code, commune.departement);
    const population = commune.population ?? 0;
    if (commune.region) regionPopulation.set(commune.region, (regionPopulation.get(commune.region) ?? 0) + population);
    if (commune.departement) departementPopulation.set(commune.departement, (departementPopulation.get(commune.departement) ?? 0) + population);
  }

  let nextId = 1;
  const regionByCode = new Map<string, TerritoryRow>();
  const regions = [...regionsData].sort(byCode).map((r) => {
    const id = nextId++;
    const row = territory(id, "REGION", r.code, r.nom, null, regionPopulation.get(r.code) ?? null, r.zone !== "metro", null, id, `/${id}/`);
    regionByCode.set(r.code, row);
    return row;
  });

  const departementByCode = new Map<string, TerritoryRow>();
  const departements: TerritoryRow[] = [];
  for (const d of [...departementsData].sort(byCode)) {
    const region = regionByCode.get(d.region);
    if (!region) continue;
    const id = nextId++;
    const row = territory(
      id,
      "DEPARTEMENT",
      d.code,
      d.nom,
      null,
      departementPopulation.get(d.code) ?? null,
      d.zone !== "metro",
      region.id,
      region.id,
      `${region.path}${id}/`,
    );
    departementByCode.set(d.code, row);
    departements.push(row);
  }

  const epcis: EpciTerritory[] = [];
  for (const e of [...epciData].sort(byCode)) {
    // An EPCI may straddle départements (and even régions): it hangs under the one holding most
    // of its members' population.
    const weight = new Map<string, number>();
    for (const member of e.membres) {
      const dep = departementOfCommune.get(member.code);
      if (dep) weight.set(dep, (weight.get(dep) ?? 0) + (member.populationMunicipale ?? 0) + 1);
    }
    const mainCode = [...weight.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0];
    const departement = mainCode ? departementByCode.get(mainCode) : undefined;
    if (!departement) continue;
    const id = nextId++;
    const population = e.populationMunicipale ?? e.populationTotale ?? null;
    const row = territory(
      id,
      "EPCI",
      e.code,
      e.nom,
      EPCI_CATEGORY[e.type] ?? e.type,
      population,
      departement.overseas,
      departement.id,
      departement.regionId,
      `${departement.path}${id}/`,
    );
    epcis.push({ row, communeNames: e.membres.map((m) => m.nom) });
  }
  return { regions, departements, epcis };
}

export function territory(
  id: number,
  level: TerritoryLevel,
  code: string,
  name: string,
  category: string | null,
  population: number | null,
  overseas: boolean,
  parentId: number | null,
  regionId: number | null,
  path: string,
  source = "etalab",
): TerritoryRow {
  return { id, level, code, name, category, population, overseas, sizeSegment: sizeSegmentOf(population), path, parentId, regionId, source };
}

function byCode(a: { code: string }, b: { code: string }): number {
  return a.code.localeCompare(b.code);
}
