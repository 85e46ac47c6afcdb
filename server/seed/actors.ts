import type { ActorKind, Profile } from "../../record/generated/prisma/enums.js";
import type { Prisma } from "../../record/generated/prisma/client.js";
import { PROFILE_OF_KIND } from "../../record/vocabulary/profiles.js";
import { NameBook, personName, slug } from "./names.js";
import type { EcosystemPlan, NeedLevel, Programme } from "./programme.js";
import { addDays, type Random } from "./random.js";
import type { TerritoryRow } from "./territories.js";

/** What the network generator needs to know about an actor. */
export interface CastMember {
  id: number;
  profile: Profile;
  kind: ActorKind;
  isCatalyst: boolean;
  regionId: number;
  /** Attractiveness for new ties (preferential attachment weight); 0 keeps an actor isolated. */
  fitness: number;
}

export interface EcosystemCast {
  plan: EcosystemPlan;
  members: CastMember[];
  catalysts: CastMember[];
  pivot: CastMember;
}

export interface Cast {
  actors: (Prisma.ActorCreateManyInput & { id: number })[];
  actorTerritories: Prisma.ActorTerritoryCreateManyInput[];
  people: Prisma.PersonCreateManyInput[];
  ecosystems: EcosystemCast[];
  /** Regional (by région id) and national actors, who bridge ecosystems. */
  regional: Map<number, CastMember[]>;
  national: CastMember[];
}

/**
 * 350 catalysts: 140 economic (mostly ESS), 110 general interest, 70 public, 30 academic, a split
 * that follows the study's emphasis on ESS and associations as animators of local cooperation.
 */
const CATALYST_PROFILES: [Profile, number][] = [
  ["ECONOMIC", 140],
  ["GENERAL_INTEREST", 110],
  ["PUBLIC", 70],
  ["ACADEMIC", 30],
];
/** Ecosystems with a higher need level are larger and more balanced across the quadruple helix. */
const ACTORS_PER_ECOSYSTEM: Record<NeedLevel, number> = { 1: 33, 2: 47, 3: 63, 4: 92 };
const ACTIVE_SHARE: Record<NeedLevel, number> = { 1: 0.85, 2: 0.9, 3: 0.95, 4: 0.98 };
const PIVOT_FITNESS: Record<NeedLevel, number> = { 1: 14, 2: 9, 3: 7, 4: 6 };
const PROFILE_MIX: Record<NeedLevel, [Profile, number][]> = {
  1: [
    ["ECONOMIC", 50],
    ["GENERAL_INTEREST", 36],
    ["PUBLIC", 11],
    ["ACADEMIC", 3],
  ],
  2: [
    ["ECONOMIC", 46],
    ["GENERAL_INTEREST", 33],
    ["PUBLIC", 15],
    ["ACADEMIC", 6],
  ],
  3: [
    ["ECONOMIC", 42],
    ["GENERAL_INTEREST", 31],
    ["PUBLIC", 17],
    ["ACADEMIC", 10],
  ],
  4: [
    ["ECONOMIC", 38],
    ["GENERAL_INTEREST", 30],
    ["PUBLIC", 19],
    ["ACADEMIC", 13],
  ],
};
const KIND_MIX: Record<Profile, [ActorKind, number][]> = {
  ECONOMIC: [
    ["COMPANY", 55],
    ["ESS", 30],
    ["SIAE", 15],
  ],
  GENERAL_INTEREST: [
    ["ASSOCIATION", 85],
    ["FOUNDATION", 15],
  ],
  PUBLIC: [
    ["LOCAL_AUTHORITY", 60],
    ["INSTITUTION", 40],
  ],
  ACADEMIC: [["ACADEMIC", 1]],
};
const CATALYST_KIND_MIX: Record<Profile, [ActorKind, number][]> = {
  ...KIND_MIX,
  ECONOMIC: [
    ["ESS", 60],
    ["SIAE", 15],
    ["COMPANY", 25],
  ],
  PUBLIC: [
    ["LOCAL_AUTHORITY", 45],
    ["INSTITUTION", 55],
  ],
};

const DESCRIPTION = "Acteur fictif du programme de démonstration (démo).";
const CATALYST_DESCRIPTION = "Catalyseur territorial fictif du programme de démonstration (démo).";

export function buildCast(programme: Programme, rng: Random): Cast {
  const names = new NameBook();
  const emails = new Set<string>();
  const cast: Cast = { actors: [], actorTerritories: [], people: [], ecosystems: [], regional: new Map(), national: [] };
  const add = (kind: ActorKind, name: string, territoryId: number, regionId: number, fitness: number, catalyst = false): CastMember => {
    const member: CastMember = { id: cast.actors.length + 1, profile: PROFILE_OF_KIND[kind], kind, isCatalyst: catalyst, regionId, fitness };
    cast.actors.push({
      id: member.id,
      name,
      profile: member.profile,
      kind,
      isCatalyst: catalyst,
      description: catalyst ? CATALYST_DESCRIPTION : DESCRIPTION,
      source: "demo",
    });
    cast.actorTerritories.push({ actorId: member.id, territoryId });
    return member;
  };

  const catalystCounts = catalystsPerEcosystem(programme.ecosystems, rng);
  const catalystProfiles = rng.shuffle(CATALYST_PROFILES.flatMap(([p, n]) => Array<Profile>(n).fill(p)));
  for (const [e, plan] of programme.ecosystems.entries()) {
    const territoryId = plan.territory.id;
    const regionId = plan.region.id;
    const catalysts = catalystProfiles.splice(0, catalystCounts[e]!).map((profile, i) => {
      const kind = rng.weighted(CATALYST_KIND_MIX[profile]);
      return add(kind, names.actorName(rng, kind, plan.places), territoryId, regionId, i === 0 ? PIVOT_FITNESS[plan.level] : 4, true);
    });
    // The anchor territory's own authority takes part in its ecosystem.
    const authorityName = names.claim(plan.authorityName) ? plan.authorityName : names.actorName(rng, "LOCAL_AUTHORITY", plan.places);
    const members = [...catalysts, add("LOCAL_AUTHORITY", authorityName, territoryId, regionId, 3)];
    const size = Math.round(ACTORS_PER_ECOSYSTEM[plan.level] * sizeFactor(plan.territory)) + rng.int(-4, 4);
    while (members.length < size) {
      const kind = rng.weighted(KIND_MIX[rng.weighted(PROFILE_MIX[plan.level])]);
      // Heavy-tailed attractiveness: a few local hubs besides the catalysts, some isolates.
      const fitness = rng.chance(ACTIVE_SHARE[plan.level]) ? 0.4 + 3 * Math.pow(rng.next(), 4) : 0;
      members.push(add(kind, names.actorName(rng, kind, plan.places), territoryId, regionId, fitness));
    }
    cast.ecosystems.push({ plan, members, catalysts, pivot: catalysts[0]! });
    for (const catalyst of catalysts) addContact(cast, catalyst, plan, rng, emails);
  }

  for (const region of programme.regions) {
    const picks = rng.sample(REGIONAL_ACTORS, 3).map(([kind, label]) => add(kind, `${label} ${region.name} (démo)`, region.id, region.id, 2.5));
    cast.regional.set(region.id, picks);
  }
  // National actors sit in Paris, hence linked to the Île-de-France région.
  const paris = programme.regions.find((r) => r.code === "11") ?? programme.regions[0]!;
  cast.national = NATIONAL_ACTORS.map(([kind, name]) => add(kind, name, paris.id, paris.id, 2));
  return cast;
}

/** 4 catalysts per ecosystem, one more for the 26 with the highest need levels: 350 in all. */
function catalystsPerEcosystem(plans: EcosystemPlan[], rng: Random): number[] {
  const total = CATALYST_PROFILES.reduce((sum, [, n]) => sum + n, 0);
  const counts = plans.map(() => 4);
  const order = plans.map((p, i) => ({ i, key: p.level + rng.next() })).sort((a, b) => b.key - a.key);
  for (let k = 0; k < total - 4 * plans.length; k++) counts[order[k % order.length]!.i]! += 1;
  return counts;
}

function sizeFactor(territory: TerritoryRow): number {
  const factors = { RURAL: 0.85, SMALL_URBAN: 1, MEDIUM_URBAN: 1.1, METROPOLITAN: 1.25 } as const;
  return territory.sizeSegment ? factors[territory.sizeSegment] : 1;
}

function addContact(cast: Cast, catalyst: CastMember, plan: EcosystemPlan, rng: Random, usedEmails: Set<string>): void {
  const { first, last } = personName(rng);
  const base = `${slug(first)}.${slug(last)}`;
  let email = `${base}@example.org`;
  for (let n = 2; usedEmails.has(email); n++) email = `${base}${n}@example.org`;
  usedEmails.add(email);
  const consent = rng.chance(0.5);
  cast.people.push({
    actorId: catalyst.id,
    name: `${first} ${last}`,
    email,
    role: "Catalyseur·rice territorial·e (démo)",
    consentToPeers: consent,
    consentAt: consent ? addDays(plan.accompaniedSince, rng.int(7, 180)) : null,
    source: "demo",
  });
}

const REGIONAL_ACTORS: [ActorKind, string][] = [
  ["INSTITUTION", "Agence régionale de l'innovation"],
  ["ESS", "Réseau régional des coopératives"],
  ["ACADEMIC", "Pôle universitaire"],
  ["FOUNDATION", "Fondation Territoires solidaires"],
  ["ASSOCIATION", "Fédération régionale des centres sociaux"],
  ["SIAE", "Union régionale de l'insertion"],
];

const NATIONAL_ACTORS: [ActorKind, string][] = [
  ["ASSOCIATION", "Réseau national des catalyseurs territoriaux (démo)"],
  ["FOUNDATION", "Fondation nationale pour la coopération territoriale (démo)"],
  ["INSTITUTION", "Observatoire national des alliances territoriales (démo)"],
  ["INSTITUTION", "Fonds national d'innovation partenariale (démo)"],
  ["ESS", "Fédération des coopératives de territoire (démo)"],
  ["ACADEMIC", "Institut de recherche en coopération territoriale (démo)"],
  ["SIAE", "Union nationale des entreprises d'insertion territoriales (démo)"],
  ["COMPANY", "Banque solidaire des territoires (démo)"],
  ["ASSOCIATION", "Plateforme du mécénat territorial (démo)"],
  ["ACADEMIC", "École des transitions territoriales (démo)"],
];
