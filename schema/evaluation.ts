import { builder } from "./builder.js";
import { EvaluationPhaseEnum, LeverEnum } from "./enums.js";

builder.prismaObject("EvaluationLeverUse", {
  fields: (t) => ({ lever: t.expose("lever", { type: LeverEnum }), score: t.exposeInt("score") }),
});

builder.prismaNode("Evaluation", {
  id: { field: "id" },
  description: "An evaluation of an accompaniment: the four result criteria and the use of the seven levers, each 0 to 4.",
  fields: (t) => ({
    ecosystem: t.relation("ecosystem"),
    phase: t.expose("phase", { type: EvaluationPhaseEnum }),
    date: t.expose("date", { type: "Date" }),
    impact: t.exposeInt("impact"),
    reproducibility: t.exposeInt("reproducibility"),
    promotion: t.exposeInt("promotion"),
    appetence: t.exposeInt("appetence"),
    source: t.exposeString("source"),
    leverUses: t.relation("leverUses", { query: { orderBy: { lever: "asc" } } }),
  }),
});
