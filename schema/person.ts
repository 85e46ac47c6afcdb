import { builder } from "./builder.js";

/** A contact person of an actor. Personal data: only reachable through `Actor.contacts`, which is guarded. */
export const Person = builder.prismaObject("Person", {
  description: "A contact person of an actor (personal data).",
  fields: (t) => ({
    name: t.exposeString("name"),
    email: t.exposeString("email", { nullable: true }),
    phone: t.exposeString("phone", { nullable: true }),
    role: t.exposeString("role", { nullable: true }),
    consentToPeers: t.exposeBoolean("consentToPeers", { description: "Whether this person agreed to be shown to peers." }),
    consentAt: t.expose("consentAt", { type: "DateTime", nullable: true }),
  }),
});
