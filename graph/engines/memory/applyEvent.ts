import type { OutboxEvent } from "../../../record/events.js";
import type { NetworkModel } from "../../model.js";

/**
 * Applies one outbox event to the model. Deletions also do what the database's cascades did
 * without events of their own: an actor leaves its alliances and interactions and takes its
 * practice assessments along, an alliance's interactions lose their link to it. Applying an
 * event twice leaves the same model.
 */
export function applyEvent(model: NetworkModel, event: OutboxEvent): void {
  const id = event.aggregateId;
  switch (event.aggregate) {
    case "ACTOR":
      if (event.state) {
        model.actors.set(id, event.state);
        break;
      }
      model.actors.delete(id);
      for (const alliance of model.alliances.values()) alliance.members = alliance.members.filter((m) => m.actorId !== id);
      for (const interaction of model.interactions.values()) interaction.participants = interaction.participants.filter((p) => p !== id);
      for (const assessment of model.practiceAssessments.values()) if (assessment.actorId === id) model.practiceAssessments.delete(assessment.id);
      break;
    case "ALLIANCE":
      if (event.state) {
        model.alliances.set(id, event.state);
        break;
      }
      model.alliances.delete(id);
      for (const interaction of model.interactions.values()) if (interaction.allianceId === id) interaction.allianceId = null;
      break;
    case "INTERACTION":
      if (event.state) model.interactions.set(id, event.state);
      else model.interactions.delete(id);
      break;
    case "PRACTICE_ASSESSMENT":
      if (event.state) model.practiceAssessments.set(id, event.state);
      else model.practiceAssessments.delete(id);
      break;
  }
  if (event.position > model.version) model.version = event.position;
}
