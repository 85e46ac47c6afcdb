import type { OutboxAggregate } from "../../record/generated/prisma/enums.js";
import type { NetworkModel } from "../model.js";
import type { OutboxEvent } from "../../record/events.js";

/** What one ecosystem saw change in a catch-up. */
export interface EcosystemTouch {
  /** The kinds of record that changed. */
  kinds: Set<OutboxAggregate>;
  /** Actors whose record, alliances, interactions or assessments changed (record ids). */
  actorIds: Set<number>;
}

/** The outcome of one catch-up that applied events: the version reached and the ecosystems touched. */
export interface AppliedChange {
  version: bigint;
  ecosystems: ReadonlyMap<number, EcosystemTouch>;
}

export type AppliedChangeListener = (change: AppliedChange) => void;

/**
 * Works out which ecosystems a run of outbox events touched. Each event is looked at on the model
 * before it is applied (a deletion's payload is only an id: its members, participants and
 * territories are only known before) and after (an update may move an actor or change members),
 * and its actors are placed in ecosystems by their territories.
 */
export class ChangeCollector {
  private readonly ecosystems = new Map<number, EcosystemTouch>();

  before(model: NetworkModel, event: OutboxEvent): void {
    this.touch(model, event, actorsOf(model, event, true));
  }

  after(model: NetworkModel, event: OutboxEvent): void {
    this.touch(model, event, actorsOf(model, event, false));
  }

  /** For a change too large to follow event by event: every ecosystem, actors unnamed. */
  everything(model: NetworkModel, kinds: Iterable<OutboxAggregate>): void {
    for (const ecosystemId of new Set(model.placement.ecosystemOf.values())) {
      const touch = this.entry(ecosystemId);
      for (const kind of kinds) touch.kinds.add(kind);
    }
  }

  result(version: bigint): AppliedChange {
    return { version, ecosystems: this.ecosystems };
  }

  private touch(model: NetworkModel, event: OutboxEvent, actorIds: number[]): void {
    for (const actorId of actorIds) {
      const territories = model.actors.get(actorId)?.territories ?? [];
      for (const territory of territories) {
        const ecosystemId = model.placement.ecosystemOf.get(territory);
        if (ecosystemId === undefined) continue;
        const touch = this.entry(ecosystemId);
        touch.kinds.add(event.aggregate);
        for (const id of actorIds) touch.actorIds.add(id);
      }
    }
  }

  private entry(ecosystemId: number): EcosystemTouch {
    let touch = this.ecosystems.get(ecosystemId);
    if (!touch) this.ecosystems.set(ecosystemId, (touch = { kinds: new Set(), actorIds: new Set() }));
    return touch;
  }
}

/**
 * The actors an event concerns in the model as it stands. An actor's deletion also concerns the
 * actors it shared alliances and interactions with: their ties go with it.
 */
function actorsOf(model: NetworkModel, event: OutboxEvent, beforeApplying: boolean): number[] {
  const id = event.aggregateId;
  switch (event.aggregate) {
    case "ACTOR": {
      if (!(beforeApplying && event.operation === "DELETED")) return [id];
      const tied = new Set([id]);
      for (const alliance of model.alliances.values())
        if (alliance.members.some((m) => m.actorId === id)) for (const m of alliance.members) tied.add(m.actorId);
      for (const interaction of model.interactions.values()) if (interaction.participants.includes(id)) for (const p of interaction.participants) tied.add(p);
      return [...tied];
    }
    case "ALLIANCE":
      return model.alliances.get(id)?.members.map((m) => m.actorId) ?? [];
    case "INTERACTION":
      return model.interactions.get(id)?.participants ?? [];
    case "PRACTICE_ASSESSMENT": {
      const actorId = model.practiceAssessments.get(id)?.actorId;
      return actorId === undefined ? [] : [actorId];
    }
  }
}

/** The engines' listeners: a listener that throws is reported, never stops the engine. */
export class ChangeListeners {
  private readonly listeners = new Set<AppliedChangeListener>();

  constructor(private readonly onError: (error: unknown) => void) {}

  get size(): number {
    return this.listeners.size;
  }

  add(listener: AppliedChangeListener): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  emit(change: AppliedChange): void {
    if (change.ecosystems.size === 0) return;
    for (const listener of this.listeners) {
      try {
        listener(change);
      } catch (error) {
        this.onError(error);
      }
    }
  }
}
