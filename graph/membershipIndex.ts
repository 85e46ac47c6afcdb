import type { ActorRecord, AllianceRecord } from "../record/events.js";
import type { NetworkModel } from "./model.js";

/** One actor's place in one alliance, as the record's AllianceMember row holds it. */
export interface MembershipRow {
  allianceId: number;
  actorId: number;
  role: string;
  confirmedAt: Date | null;
}

/**
 * The memberships of a network model from both ends (an actor's alliances, an alliance's
 * members), in the record's orders (by alliance id, by actor id), with the actors and alliances
 * they join: what a nested actor → alliances → members query walks, answered from memory the
 * way a graph database follows relationships instead of joining tables.
 */
export interface MembershipIndex {
  /** The model version the index reflects. */
  readonly version: bigint;
  readonly byActor: ReadonlyMap<number, readonly MembershipRow[]>;
  readonly byAlliance: ReadonlyMap<number, readonly MembershipRow[]>;
  readonly actors: ReadonlyMap<number, ActorRecord>;
  readonly alliances: ReadonlyMap<number, AllianceRecord>;
}

export function buildMembershipIndex(model: NetworkModel): MembershipIndex {
  const byActor = new Map<number, MembershipRow[]>();
  const byAlliance = new Map<number, MembershipRow[]>();
  const alliances = [...model.alliances.values()].sort((a, b) => a.id - b.id);
  for (const alliance of alliances) {
    const rows = alliance.members
      .map((m) => ({ allianceId: alliance.id, actorId: m.actorId, role: m.role, confirmedAt: m.confirmedAt }))
      .sort((a, b) => a.actorId - b.actorId);
    byAlliance.set(alliance.id, rows);
    // Alliances are visited in id order, so each actor's list comes out sorted by alliance.
    for (const row of rows) {
      const list = byActor.get(row.actorId);
      if (list) list.push(row);
      else byActor.set(row.actorId, [row]);
    }
  }
  // Copies of the maps, not the model's own: the model changes in place as events apply.
  return { version: model.version, byActor, byAlliance, actors: new Map(model.actors), alliances: new Map(model.alliances) };
}

/** Rebuilds the index only when the model has moved on (or was replaced by a reload). */
export class MembershipIndexCache {
  private model: NetworkModel | null = null;
  private index: MembershipIndex | null = null;

  of(model: NetworkModel): MembershipIndex {
    if (this.index === null || this.model !== model || this.index.version !== model.version) {
      this.index = buildMembershipIndex(model);
      this.model = model;
    }
    return this.index;
  }
}
