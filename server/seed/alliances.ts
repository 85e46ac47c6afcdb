import type { Prisma } from "../../record/generated/prisma/client.js";
import { Impact, Lever, Modality, type MemberRole } from "../../record/generated/prisma/enums.js";
import type { Cast, CastMember } from "./actors.js";
import { HORIZON, sortedActivityDates } from "./calendar.js";
import { ALLIANCE_THEMES } from "./names.js";
import type { NeedLevel } from "./programme.js";
import { addDays, clamp, DAY_MS, minDate, type Random } from "./random.js";

/** What the interaction generator needs to know about an alliance. */
export interface AllianceDraft {
  id: number;
  memberIds: number[];
  start: Date;
  end: Date | null;
  level: NeedLevel;
  fundingLikely: boolean;
}

export interface Alliances {
  rows: Prisma.AllianceCreateManyInput[];
  members: Prisma.AllianceMemberCreateManyInput[];
  drafts: AllianceDraft[];
}

/** More mature ecosystems: more alliances per actor, more across profiles, more confirmed. */
const ALLIANCES_PER_ACTOR: Record<NeedLevel, number> = { 1: 0.9, 2: 1.05, 3: 1.2, 4: 1.4 };
const PREFERENTIAL = 0.6;
const CROSS_PROFILE: Record<NeedLevel, number> = { 1: 0.35, 2: 0.5, 3: 0.62, 4: 0.75 };
const CONFIRMED: Record<NeedLevel, number> = { 1: 0.62, 2: 0.75, 3: 0.85, 4: 0.92 };
/** Mostly pairs and trios. */
const SIZES: [number, number][] = [
  [2, 52],
  [3, 28],
  [4, 11],
  [5, 6],
  [6, 3],
];
const MAX_MEMBERS = 6;
/** Cross-ecosystem alliances within a région, as a share of its local ones; then national ones. */
const REGIONAL_SHARE = 0.08;
const NATIONAL_ALLIANCES = 40;
const MODALITIES = Object.values(Modality);
const LEVER_WEIGHTS: [Lever, number][] = [
  [Lever.LISTENING_TIME, 5],
  [Lever.SKILLS, 5],
  [Lever.TOOLS, 4],
  [Lever.ENGINEERING, 3],
  [Lever.PROMOTION, 3],
  [Lever.DATA, 2],
  [Lever.FINANCE, 3],
];

export function buildAlliances(cast: Cast, rng: Random): Alliances {
  const out: Alliances = { rows: [], members: [], drafts: [] };
  // Mixed attachment: mostly preferential (the chance to join grows with the ties already held,
  // which grows hubs and a heavy-tailed degree distribution), sometimes by fitness alone, so that
  // small actors still find partners.
  const degree = new Float64Array(cast.actors.length + 1);
  const draw = (pool: readonly CastMember[], taken: readonly CastMember[], boost = 1): CastMember | undefined => {
    const candidates = pool.filter((a) => a.fitness > 0 && !taken.includes(a));
    const preferential = rng.chance(PREFERENTIAL);
    const weight = (a: CastMember) => a.fitness * (preferential ? 1 + degree[a.id]! : 1) * (a.isCatalyst ? boost : 1);
    return candidates.length === 0 ? undefined : candidates[rng.weightedIndex(candidates.map(weight))];
  };

  const add = (members: CastMember[], level: NeedLevel, start: Date, prefix: string, where: string, confirmShare: number) => {
    if (members.length < 2) return;
    for (const m of members) degree[m.id]! += members.length - 1;
    const id = out.rows.length + 1;
    const profiles = new Set(members.map((m) => m.profile)).size;
    const roles = members.map((m, i): MemberRole => (i === 0 ? "LEAD" : roleFor(m, rng)));
    const levers = pickLevers(rng, level, roles.includes("FUNDER"));
    const end = endDateFor(rng, start);
    const declarer = rng.chance(0.85) ? 0 : rng.int(1, members.length - 1);
    const theme = rng.pick(ALLIANCE_THEMES);
    out.rows.push({
      id,
      name: where ? `${prefix} ${theme} – ${where}` : `${prefix} ${theme}`,
      purpose: `Coopérer sur ${theme} (alliance fictive, démo).`,
      modalities: pickModalities(rng, level, profiles),
      levers,
      impacts: pickImpacts(rng, level),
      startDate: start,
      endDate: end,
      source: "demo",
      declaredById: members[declarer]!.id,
    });
    // The declarer confirms at once; an unconfirmed alliance keeps at least one member pending.
    const allConfirm = rng.chance(confirmShare);
    const pending = allConfirm ? -1 : rng.pick(members.map((_, i) => i).filter((i) => i !== declarer));
    members.forEach((m, i) => {
      const confirmed = i === declarer || allConfirm || (i !== pending && rng.chance(0.4));
      const at = minDate(addDays(start, i === declarer ? rng.int(0, 10) : rng.int(3, 60)), HORIZON);
      out.members.push({ allianceId: id, actorId: m.id, role: roles[i]!, confirmedAt: confirmed ? new Date(at.getTime() + rng.int(8, 18) * 3_600_000) : null });
    });
    out.drafts.push({ id, memberIds: members.map((m) => m.id), start, end, level, fundingLikely: roles.includes("FUNDER") || levers.includes("FINANCE") });
  };

  // Local alliances, the bulk of the network.
  const localCount = new Map<number, number>();
  for (const eco of cast.ecosystems) {
    const { level, region, places } = eco.plan;
    const count = Math.round(eco.members.length * ALLIANCES_PER_ACTOR[level]);
    localCount.set(region.id, (localCount.get(region.id) ?? 0) + count);
    for (const start of sortedActivityDates(rng, count)) {
      const size = rng.weighted(SIZES);
      const lead = draw(eco.members, [])!;
      const members = [lead];
      while (members.length < size) {
        const profiles = new Set(members.map((m) => m.profile));
        const cross = rng.chance(CROSS_PROFILE[level]);
        const pool = eco.members.filter((a) => (cross ? !profiles.has(a.profile) : a.profile === lead.profile));
        const next = draw(pool, members) ?? draw(eco.members, members);
        if (!next) break;
        members.push(next);
      }
      // Regional actors sometimes join a local alliance: linking ties.
      if (members.length < MAX_MEMBERS && rng.chance(0.04)) members.push(rng.pick(cast.regional.get(region.id) ?? []));
      add(members, level, start, rng.pick(LOCAL_PREFIXES), rng.pick(places), CONFIRMED[level]);
    }
  }

  // Bridges between ecosystems of one région, led by catalysts and hubs.
  for (const [regionId, regional] of cast.regional) {
    const ecosystems = cast.ecosystems.filter((e) => e.plan.region.id === regionId);
    if (ecosystems.length < 2) continue;
    const count = Math.round((localCount.get(regionId) ?? 0) * REGIONAL_SHARE);
    for (const start of sortedActivityDates(rng, count)) {
      const involved = rng.sample(ecosystems, rng.chance(0.2) ? 3 : 2);
      const members: CastMember[] = [];
      for (const eco of involved)
        for (let k = rng.int(1, 2); k > 0; k--) {
          const m = draw(eco.members, members, 3);
          if (m) members.push(m);
        }
      if (members.length < MAX_MEMBERS && rng.chance(0.3)) members.push(rng.pick(regional));
      const level = Math.max(...involved.map((e) => e.plan.level)) as NeedLevel;
      add(members, level, start, "Coopération", involved[0]!.plan.region.name, 0.6);
    }
  }

  // A few national alliances: a national actor with catalysts of several régions.
  for (const start of sortedActivityDates(rng, NATIONAL_ALLIANCES)) {
    const members = [rng.pick(cast.national)];
    for (const eco of rng.sample(cast.ecosystems, rng.int(2, 4))) {
      const m = draw(eco.catalysts, members);
      if (m) members.push(m);
    }
    add(members, 2, start, "Programme national", "", 0.7); // level 2: moderate depth, as a programme-wide average
  }
  return out;
}

const LOCAL_PREFIXES = ["Alliance", "Pacte", "Collectif", "Projet", "Coopération"];

function roleFor(m: CastMember, rng: Random): MemberRole {
  const funder = m.profile === "PUBLIC" || m.kind === "FOUNDATION" ? 25 : 4;
  const expert = m.profile === "ACADEMIC" ? 45 : 8;
  const beneficiary = m.kind === "SIAE" || m.kind === "ASSOCIATION" ? 20 : 8;
  return rng.weighted<MemberRole>([
    ["PARTNER", 60],
    ["FUNDER", funder],
    ["EXPERT", expert],
    ["BENEFICIARY", beneficiary],
  ]);
}

/** Deeper cooperation uses the later modalities of the charter; dialogue comes first. */
function pickModalities(rng: Random, level: NeedLevel, profiles: number): Modality[] {
  const depth = clamp(Math.round(rng.normal(1.3 + 0.75 * level + 0.3 * (profiles - 1), 1.1)), 1, MODALITIES.length);
  return MODALITIES.slice(0, depth).filter((_, i) => i === 0 || rng.chance(0.85));
}

function pickLevers(rng: Random, level: NeedLevel, hasFunder: boolean): Lever[] {
  const count = rng.int(1, 2 + (level >= 3 ? 2 : 1));
  const chosen = new Set<Lever>(hasFunder ? [Lever.FINANCE] : []);
  while (chosen.size < count) chosen.add(rng.weighted(LEVER_WEIGHTS));
  return Object.values(Lever).filter((l) => chosen.has(l));
}

function pickImpacts(rng: Random, level: NeedLevel): Impact[] {
  const impacts = Object.values(Impact).filter((i) => rng.chance(i === "PERFORMANCE" ? 0.75 : i === "INNOVATION" ? 0.15 + 0.1 * level : 0.4));
  return impacts.length > 0 ? impacts : [Impact.PERFORMANCE];
}

/** Older alliances are more likely to be over; whatever would end after the horizon is ongoing. */
function endDateFor(rng: Random, start: Date): Date | null {
  const years = (HORIZON.getTime() - start.getTime()) / (365 * DAY_MS);
  if (!rng.chance(clamp(0.15 + 0.12 * years, 0, 0.8))) return null;
  const end = addDays(start, rng.int(180, 1460));
  return end.getTime() < HORIZON.getTime() ? end : null;
}
