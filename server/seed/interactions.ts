import type { Prisma } from "../../record/generated/prisma/client.js";
import type { InteractionKind } from "../../record/generated/prisma/enums.js";
import type { Cast, CastMember } from "./actors.js";
import type { AllianceDraft } from "./alliances.js";
import { activityDate, HORIZON } from "./calendar.js";
import type { NeedLevel } from "./programme.js";
import type { Random } from "./random.js";

export interface Interactions {
  rows: Prisma.InteractionCreateManyInput[];
  participants: Prisma.InteractionParticipantCreateManyInput[];
}

/** Mean interactions per alliance (on top of one): mature ecosystems meet and exchange more. */
const PER_ALLIANCE: Record<NeedLevel, number> = { 1: 2.6, 2: 3.3, 3: 4, 4: 4.8 };
/** Ad-hoc interactions (no alliance) as a share of an ecosystem's alliance interactions. */
const AD_HOC_SHARE = 0.5;
const LABELS: Record<InteractionKind, string> = {
  MEETING: "Réunion de travail (démo)",
  JOINT_PROJECT: "Action menée en commun (démo)",
  RESOURCE_EXCHANGE: "Échange de ressources (démo)",
  FUNDING: "Financement (démo)",
};

/**
 * Dated events between actors: most happen within an alliance, between 2 and 4 of its members,
 * during its life; the rest are ad hoc, between actors of one ecosystem (sometimes a neighbour).
 */
export function buildInteractions(cast: Cast, drafts: AllianceDraft[], rng: Random): Interactions {
  const out: Interactions = { rows: [], participants: [] };
  const add = (kind: InteractionKind, date: Date, actorIds: number[], allianceId: number | null) => {
    const id = out.rows.length + 1;
    out.rows.push({
      id,
      kind,
      date,
      description: LABELS[kind],
      intensity: intensityOf(kind, rng),
      source: "demo",
      allianceId,
      amountEuros: kind === "FUNDING" ? 500 * Math.round((2_000 + 60_000 * rng.next() ** 2) / 500) : null,
    });
    for (const actorId of actorIds) out.participants.push({ interactionId: id, actorId });
  };

  for (const alliance of drafts) {
    const last = alliance.end ?? HORIZON;
    const months = Math.max(1, (last.getTime() - alliance.start.getTime()) / 2.63e9);
    const mean = PER_ALLIANCE[alliance.level] * Math.min(2, Math.max(0.4, months / 24));
    const count = 1 + Math.floor(-Math.log(1 - rng.next()) * mean);
    for (let k = 0; k < count; k++) {
      const n = alliance.memberIds.length;
      const size = n <= 2 ? n : rng.int(2, Math.min(4, n));
      const kind = rng.weighted<InteractionKind>([
        ["MEETING", 50],
        ["JOINT_PROJECT", 20],
        ["RESOURCE_EXCHANGE", 20],
        ["FUNDING", alliance.fundingLikely ? 10 : 2],
      ]);
      add(
        kind,
        rng.dateBetween(alliance.start, last),
        rng.sample(alliance.memberIds, size).sort((a, b) => a - b),
        alliance.id,
      );
    }
  }

  const perEcosystem = new Map<number, number>();
  const ecosystemOfActor = new Map<number, number>();
  cast.ecosystems.forEach((eco, i) => eco.members.forEach((m) => ecosystemOfActor.set(m.id, i)));
  for (const alliance of drafts) {
    const eco = ecosystemOfActor.get(alliance.memberIds[0]!);
    if (eco !== undefined) perEcosystem.set(eco, (perEcosystem.get(eco) ?? 0) + 1);
  }
  for (const [i, eco] of cast.ecosystems.entries()) {
    const active = eco.members.filter((m) => m.fitness > 0);
    const neighbours = cast.ecosystems.filter((e) => e !== eco && e.plan.region.id === eco.plan.region.id);
    const count = Math.round((perEcosystem.get(i) ?? 0) * PER_ALLIANCE[eco.plan.level] * AD_HOC_SHARE);
    for (let k = 0; k < count && active.length >= 2; k++) {
      // Hubs meet more people: participants are drawn by (damped) attractiveness, not uniformly.
      const people: CastMember[] = [];
      for (let size = Math.min(active.length, rng.chance(0.8) ? 2 : 3); people.length < size; ) {
        people.push(active[rng.weightedIndex(active.map((a) => (people.includes(a) ? 0 : Math.sqrt(a.fitness))))]!);
      }
      // One ad-hoc contact in ten crosses to a neighbouring ecosystem's catalyst: a bridge.
      if (neighbours.length > 0 && rng.chance(0.1)) people[people.length - 1] = rng.pick(rng.pick(neighbours).catalysts);
      const kind = rng.weighted<InteractionKind>([
        ["MEETING", 60],
        ["RESOURCE_EXCHANGE", 25],
        ["JOINT_PROJECT", 10],
        ["FUNDING", 5],
      ]);
      add(
        kind,
        activityDate(rng),
        people.map((p) => p.id).sort((a, b) => a - b),
        null,
      );
    }
  }
  return out;
}

function intensityOf(kind: InteractionKind, rng: Random): number {
  switch (kind) {
    case "MEETING":
      return rng.int(1, 3);
    case "RESOURCE_EXCHANGE":
      return rng.int(2, 4);
    default:
      return rng.int(3, 5);
  }
}
