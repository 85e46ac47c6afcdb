import { builder } from "./builder.js";
import { FundEnum } from "./enums.js";

builder.prismaNode("Funding", {
  id: { field: "id" },
  fields: (t) => ({
    fund: t.expose("fund", { type: FundEnum }),
    amountEuros: t.exposeInt("amountEuros"),
    date: t.expose("date", { type: "Date" }),
    ecosystem: t.relation("ecosystem", { nullable: true }),
    recipient: t.relation("recipient", { nullable: true }),
    source: t.exposeString("source"),
  }),
});
