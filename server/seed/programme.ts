import { of } from "./names.js";
import { day, type Random } from "./random.js";
import { territory, type EpciTerritory, type OfficialTerritories, type TerritoryRow } from "./territories.js";

export type NeedLevel = 1 | 2 | 3 | 4;

/** Latest assessed level across the 81 ecosystems: the study's 2024 shares (63/25/9/3 %). */
export const LATEST_LEVEL_COUNTS: Readonly<Record<NeedLevel, number>> = { 1: 51, 2: 20, 3: 7, 4: 3 };
const ECOSYSTEM_COUNT = 81;
const METRO_ECOSYSTEMS_PER_REGION = 6; // 12 x 6 = 72, and 6 more in the régions with most EPCI
const OVERSEAS_REGION_COUNT = 3;
const PROJECT_COUNT = 6;
const PROJECT_ECOSYSTEMS = 2;
/** 57 ecosystems accompanied before October 2024 get their engineering grant (paid 92 days in) within
 * 2024: 57 x 15 k€ = 855 k€, close to the 851 k€ the study reports invested in territories in 2024. */
const EARLY_ECOSYSTEMS = 57;

export interface EcosystemPlan {
  id: number;
  territory: TerritoryRow;
  region: TerritoryRow;
  level: NeedLevel;
  accompaniedSince: Date;
  /** Commune names of the anchor territory, for place-based actor names. */
  places: string[];
  /** The anchor territory's own authority, spelled out ("Communauté de communes ..."). */
  authorityName: string;
}

export interface Programme {
  regions: TerritoryRow[];
  projects: TerritoryRow[];
  /** [project id, member EPCI id] pairs of the implicit ProjectMembers relation. */
  projectMembers: [number, number][];
  ecosystems: EcosystemPlan[];
}

/**
 * Chooses where the demo programme works: 12 metropolitan régions (all but Corse, as in the
 * study), 3 of the 5 DROM, 81 ecosystems anchored on EPCI, two of them on demo project
 * territories (PETR / pays) grouping 2-4 EPCI of one département.
 */
export function planProgramme(official: OfficialTerritories, rng: Random): Programme {
  const metro = official.regions.filter((r) => !r.overseas && r.code !== "94");
  const overseas = rng
    .sample(
      official.regions.filter((r) => r.overseas),
      OVERSEAS_REGION_COUNT,
    )
    .sort((a, b) => a.id - b.id);
  const regions = [...metro, ...overseas].sort((a, b) => a.id - b.id);
  const epcisOf = (regionId: number) => official.epcis.filter((e) => e.row.regionId === regionId);

  // Quotas: metropolitan régions with most EPCI get one more ecosystem.
  const quota = new Map<number, number>(overseas.map((r) => [r.id, 1]));
  const byEpciCount = [...metro].sort((a, b) => epcisOf(b.id).length - epcisOf(a.id).length || a.id - b.id);
  const extra = ECOSYSTEM_COUNT - OVERSEAS_REGION_COUNT - METRO_ECOSYSTEMS_PER_REGION * metro.length;
  byEpciCount.forEach((r, i) => quota.set(r.id, METRO_ECOSYSTEMS_PER_REGION + (i < extra ? 1 : 0)));

  const { projects, projectMembers, membersOf } = planProjects(official, metro, rng);
  const departementById = new Map(official.departements.map((d) => [d.id, d]));
  const regionById = new Map(regions.map((r) => [r.id, r]));

  const anchors: { territory: TerritoryRow; places: string[]; authorityName: string }[] = [];
  for (const region of regions) {
    let remaining = quota.get(region.id) ?? 0;
    const excluded = new Set<number>();
    for (const project of projects.slice(0, PROJECT_ECOSYSTEMS).filter((p) => p.regionId === region.id)) {
      const members = membersOf.get(project.id) ?? [];
      members.forEach((m) => excluded.add(m.row.id));
      anchors.push({ territory: project, places: members.flatMap((m) => m.communeNames), authorityName: project.name });
      remaining--;
    }
    // Mostly rural CC, as in reality, with a mild pull towards larger EPCI.
    const pool = epcisOf(region.id).filter((e) => !excluded.has(e.row.id));
    for (let i = 0; i < remaining && pool.length > 0; i++) {
      const chosen = pool.splice(rng.weightedIndex(pool.map((e) => Math.pow(e.row.population ?? 1, 0.35))), 1)[0]!;
      anchors.push({ territory: chosen.row, places: chosen.communeNames, authorityName: authorityName(chosen.row.name) });
    }
  }

  // Latest levels: a shuffle, loosely biased so that larger territories assess higher (size effect).
  const order = anchors.map((a, i) => ({ i, key: rng.next() + 0.3 * populationRank(anchors, a.territory) }));
  order.sort((a, b) => a.key - b.key);
  const levels: NeedLevel[] = ([1, 2, 3, 4] as const).flatMap((l) => Array<NeedLevel>(LATEST_LEVEL_COUNTS[l]).fill(l));
  const levelOf = new Map(order.map((o, rank) => [o.i, levels[rank]!]));
  const starts = rng.shuffle([
    ...Array.from({ length: EARLY_ECOSYSTEMS }, () => rng.dateBetween(day(2024, 1, 8), day(2024, 9, 30))),
    ...Array.from({ length: anchors.length - EARLY_ECOSYSTEMS }, () => rng.dateBetween(day(2024, 10, 1), day(2024, 12, 20))),
  ]);

  const ecosystems = anchors.map(
    (a, i): EcosystemPlan => ({
      id: i + 1,
      territory: a.territory,
      region: regionById.get(a.territory.regionId!)!,
      level: levelOf.get(i)!,
      accompaniedSince: starts[i]!,
      places: a.places.length > 0 ? a.places : [departementById.get(a.territory.parentId!)?.name ?? a.territory.name],
      authorityName: a.authorityName,
    }),
  );
  return { regions, projects, projectMembers, ecosystems };
}

function planProjects(official: OfficialTerritories, metro: TerritoryRow[], rng: Random) {
  let nextId = Math.max(...official.epcis.map((e) => e.row.id)) + 1;
  const projects: TerritoryRow[] = [];
  const projectMembers: [number, number][] = [];
  const membersOf = new Map<number, EpciTerritory[]>();
  for (const [n, region] of rng.sample(metro, PROJECT_COUNT).entries()) {
    const departements = official.departements.filter((d) => d.regionId === region.id && official.epcis.filter((e) => e.row.parentId === d.id).length >= 4);
    const departement = rng.pick(departements);
    const members = rng
      .sample(
        official.epcis.filter((e) => e.row.parentId === departement.id),
        rng.int(2, 4),
      )
      .sort((a, b) => a.row.id - b.row.id);
    const category = n % 2 === 0 ? "PETR" : "PAYS";
    const biggest = [...members].sort((a, b) => (b.row.population ?? 0) - (a.row.population ?? 0))[0]!;
    // Named after the main town of its largest member, as real pays often are.
    const town = of(biggest.communeNames[0] ?? departement.name);
    const name = category === "PETR" ? `PETR du Pays ${town} (démo)` : `Pays ${town} (démo)`;
    const population = members.reduce((sum, m) => sum + (m.row.population ?? 0), 0);
    const id = nextId++;
    const code = `DEMO-${category}-${String(n + 1).padStart(2, "0")}`;
    projects.push(territory(id, "PROJECT", code, name, category, population, false, departement.id, region.id, `${departement.path}${id}/`, "demo"));
    membersOf.set(id, members);
    for (const m of members) projectMembers.push([id, m.row.id]);
  }
  return { projects, projectMembers, membersOf };
}

function populationRank(anchors: { territory: TerritoryRow }[], t: TerritoryRow): number {
  const smaller = anchors.filter((a) => (a.territory.population ?? 0) < (t.population ?? 0)).length;
  return smaller / anchors.length;
}

/** "CC du Val" becomes "Communauté de communes du Val", the authority as a demo actor's name. */
function authorityName(epciName: string): string {
  const prefixes: [string, string][] = [
    ["CC ", "Communauté de communes "],
    ["CA ", "Communauté d'agglomération "],
    ["CU ", "Communauté urbaine "],
  ];
  for (const [short, long] of prefixes) if (epciName.startsWith(short)) return long + epciName.slice(short.length);
  return epciName;
}
