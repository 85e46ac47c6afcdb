import { GraphQLError, Kind } from "graphql";
import { builder } from "./builder.js";

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar day, `YYYY-MM-DD`, held as midnight UTC. */
function parseDate(value: unknown): Date {
  const match = typeof value === "string" ? DATE.exec(value) : null;
  const date = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : null;
  if (!date || date.toISOString().slice(0, 10) !== value) {
    throw new GraphQLError(`Date must be a real day written YYYY-MM-DD, got ${JSON.stringify(value)}.`);
  }
  return date;
}

builder.scalarType("Date", {
  description: "A calendar day, written YYYY-MM-DD.",
  serialize: (value) => value.toISOString().slice(0, 10),
  parseValue: parseDate,
  parseLiteral: (ast) => parseDate(ast.kind === Kind.STRING ? ast.value : null),
});

builder.scalarType("DateTime", {
  description: "An instant, written in ISO 8601 with a time zone.",
  serialize: (value) => value.toISOString(),
  parseValue: (value) => {
    const date = typeof value === "string" ? new Date(value) : null;
    if (!date || Number.isNaN(date.getTime())) throw new GraphQLError(`DateTime must be ISO 8601, got ${JSON.stringify(value)}.`);
    return date;
  },
});
