import { builder } from "./builder.js";

builder.prismaObject("PracticeScore", {
  fields: (t) => ({ practice: t.exposeString("practice"), score: t.exposeInt("score") }),
});

builder.prismaNode("PracticeAssessment", {
  id: { field: "id" },
  description: "An actor's self-assessment on the practice grid, each practice scored 0 to 4.",
  fields: (t) => ({
    actor: t.relation("actor"),
    date: t.expose("date", { type: "Date" }),
    source: t.exposeString("source"),
    scores: t.relation("scores", { query: { orderBy: { practice: "asc" } } }),
  }),
});
