import type { OutboxAggregate, OutboxOperation } from "../../../record/generated/prisma/enums.js";
import { reviveAlliance, reviveInteraction, revivePracticeAssessment, type ActorRecord, type NetworkModel } from "../../model.js";

export interface OutboxEventRow {
  position: bigint;
  aggregate: OutboxAggregate;
  aggregateId: number;
  operation: OutboxOperation;
  payload: unknown;
}

/**
 * Applies one outbox event to the model. Deletions also do what the database's cascades did
 * without events of their own: an actor leaves its alliances and interactions and takes its
 * practice assessments along, an alliance's
 * interactions lose their link to it. Applying an event twice leaves the same model.
 */
export function applyEvent(model: NetworkModel, event: OutboxEventRow): void {
  const payload = event.payload as Record<string, unknown>;
  const id = event.aggregateId;
  if (event.aggregate === "ACTOR") {
    if (event.operation === "DELETED") {
      model.actors.delete(id);
      for (const alliance of model.alliances.values()) alliance.members = alliance.members.filter((m) => m.actorId !== id);
      for (const interaction of model.interactions.values()) interaction.participants = interaction.participants.filter((p) => p !== id);
      for (const assessment of model.practiceAssessments.values()) if (assessment.actorId === id) model.practiceAssessments.delete(assessment.id);
    } else {
      model.actors.set(id, payload as unknown as ActorRecord);
    }
  } else if (event.aggregate === "ALLIANCE") {
    if (event.operation === "DELETED") {
      model.alliances.delete(id);
      for (const interaction of model.interactions.values()) if (interaction.allianceId === id) interaction.allianceId = null;
    } else {
      model.alliances.set(id, reviveAlliance(payload));
    }
  } else if (event.aggregate === "PRACTICE_ASSESSMENT") {
    if (event.operation === "DELETED") model.practiceAssessments.delete(id);
    else model.practiceAssessments.set(id, revivePracticeAssessment(payload));
  } else if (event.operation === "DELETED") {
    model.interactions.delete(id);
  } else {
    model.interactions.set(id, reviveInteraction(payload));
  }
  if (event.position > model.version) model.version = event.position;
}
