import { builder } from "./builder.js";

export const NeedAssessment = builder.prismaNode("NeedAssessment", {
  id: { field: "id" },
  description: "A territory's assessed need level: 1 ACCOMPANY, 2 CONSOLIDATE, 3 INVEST, 4 INVENT.",
  fields: (t) => ({
    territory: t.relation("territory"),
    date: t.expose("date", { type: "Date" }),
    level: t.exposeInt("level"),
    assessedBy: t.exposeString("assessedBy"),
    notes: t.exposeString("notes", { nullable: true }),
    source: t.exposeString("source"),
  }),
});
