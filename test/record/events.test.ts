import { describe, expect, it } from "vitest";
import {
  actorEvent,
  allianceEvent,
  eventPayload,
  interactionEvent,
  InvalidEventError,
  parseEvent,
  practiceAssessmentEvent,
  type RecordEvent,
} from "../../record/events.js";

const row = (event: RecordEvent, position = 7n) => ({
  aggregate: event.aggregate,
  aggregateId: event.aggregateId,
  operation: event.operation,
  payload: eventPayload(event),
  position,
});

describe("record events", () => {
  it("keep an actor's territories, an alliance's members and an interaction's participants ascending, whoever built them", () => {
    const actor = actorEvent("CREATED", { id: 3, name: "A", profile: "PUBLIC", kind: "LOCAL_AUTHORITY", isCatalyst: false, territories: [90, 12, 45] });
    expect(actor.state).toMatchObject({ territories: [12, 45, 90] });
    const alliance = allianceEvent("UPDATED", {
      id: 5,
      startDate: "2024-03-01",
      endDate: null,
      modalities: [],
      levers: [],
      impacts: [],
      members: [
        { actorId: 9, role: "LEAD", confirmedAt: null },
        { actorId: 2, role: "PARTNER", confirmedAt: "2024-03-02T10:00:00.000Z" },
      ],
    });
    expect(alliance.state).toMatchObject({ members: [{ actorId: 2 }, { actorId: 9 }] });
    const interaction = interactionEvent("CREATED", {
      id: 8,
      kind: "MEETING",
      date: new Date("2025-01-01"),
      intensity: 2,
      amountEuros: null,
      allianceId: null,
      participants: [4, 1],
    });
    expect(interaction.state).toMatchObject({ participants: [1, 4] });
  });

  it("store dates as ISO text and read them back as the same dates", () => {
    const built = practiceAssessmentEvent("CREATED", {
      id: 4,
      actorId: 2,
      date: new Date("2025-06-30"),
      mean: 2.5,
      scores: { FUND_PROJECTS: 2, MEASURE_RESULTS: 3 },
    });
    expect(eventPayload(built)).toEqual({ id: 4, actorId: 2, date: "2025-06-30T00:00:00.000Z", mean: 2.5, scores: { FUND_PROJECTS: 2, MEASURE_RESULTS: 3 } });
    const parsed = parseEvent(row(built));
    expect(parsed).toEqual({ ...built, position: 7n });
    expect(parsed.aggregate === "PRACTICE_ASSESSMENT" && parsed.state?.date).toBeInstanceOf(Date);
  });

  it("carry only the id of a deleted record", () => {
    const deleted = allianceEvent("DELETED", 12);
    expect(deleted).toEqual({ aggregate: "ALLIANCE", aggregateId: 12, operation: "DELETED", state: null });
    expect(eventPayload(deleted)).toEqual({ id: 12 });
    expect(parseEvent(row(deleted, 3n))).toEqual({ ...deleted, position: 3n });
  });

  it("read payloads written before the events had a schema: API dates as instants, territories in any order", () => {
    const parsed = parseEvent({
      aggregate: "ACTOR",
      aggregateId: 3,
      operation: "UPDATED",
      position: 1n,
      payload: { id: 3, name: "A", profile: "ECONOMIC", kind: "COMPANY", isCatalyst: true, territories: [30, 10] },
    });
    expect(parsed.state).toEqual({ id: 3, name: "A", profile: "ECONOMIC", kind: "COMPANY", isCatalyst: true, territories: [10, 30] });
  });

  it("refuse a payload no builder could have written, naming its position", () => {
    const bad = {
      aggregate: "INTERACTION" as const,
      aggregateId: 8,
      operation: "CREATED" as const,
      position: 42n,
      payload: { id: 8, kind: "GOSSIP", date: "2025-01-01", intensity: null, amountEuros: null, allianceId: null, participants: [1, 2] },
    };
    expect(() => parseEvent(bad)).toThrow(InvalidEventError);
    expect(() => parseEvent(bad)).toThrow(/outbox event 42/);
    const elsewhere = { ...bad, payload: { ...bad.payload, kind: "MEETING", id: 9 } };
    expect(() => parseEvent(elsewhere)).toThrow(/names 8 but holds the state of 9/);
  });

  it("refuse to build a saved record without its state, or with a state that breaks the schema", () => {
    expect(() => actorEvent("CREATED", { id: 0, name: "A", profile: "ECONOMIC", kind: "COMPANY", isCatalyst: false, territories: [] })).toThrow();
    // @ts-expect-error: a save needs the state, not an id
    expect(() => actorEvent("UPDATED", 3)).toThrow(InvalidEventError);
  });
});
