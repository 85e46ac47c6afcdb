/**
 * The bridge model: every weight of the bridge score, in one place.
 *
 * A bridge actor joins parts of a network that would otherwise stay apart (Burt 1992, "Structural
 * Holes"; Gould & Fernandez 1989). Four components, each scaled to [0, 1] within the scope (so a
 * score compares actors of one scope, not across scopes), combined as Σ weight × score:
 *
 * - crossGroupBetweenness: the actor's share of shortest paths between actors of different groups
 *   (profiles in an ecosystem, territories nationally), divided by the scope's highest. The most
 *   direct global reading of "who connects the helices / the territories", hence the largest weight.
 * - brokerage: the 2-paths the actor brokers between two unconnected actors of DIFFERENT groups
 *   (representative + gatekeeper + liaison, raw counts, Gould & Fernandez), divided by the scope's
 *   highest. Coordinator and itinerant paths join two actors of one group, so they do not bridge.
 *   Raw counts rather than the sna z-scores: the z-scores come from a random-density null model
 *   under which any hub is extreme, and they are undefined (0/0) for small groups, common in an
 *   ecosystem of 40 actors. The z-scores stay available beside the score.
 * - lowConstraint: 1 - Burt's constraint, clipped to [0, 1] (constraint exceeds 1 in small closed
 *   groups: a triangle gives 1.125); an isolated actor (constraint undefined) scores 0. Local and
 *   correlated with degree, so it weighs least.
 * - articulation: whether removing the actor cuts the network (ARTICULATION_FLAG_SHARE of the
 *   component for any articulation point) plus the share of actor pairs that would lose every
 *   path, divided by the scope's highest (the rest). It is what makes an actor irreplaceable.
 *
 * The weights are judgement, not findings: they put the two path-based readings first
 * (0.35 + 0.25 = 0.6), irreplaceability next and the local, degree-driven constraint last.
 */
export type BridgeComponentKey = "crossGroupBetweenness" | "brokerage" | "lowConstraint" | "articulation";

export interface BridgeComponentSpec {
  weight: number;
  description: { en: string; fr: string };
}

export const BRIDGE_COMPONENTS: Readonly<Record<BridgeComponentKey, BridgeComponentSpec>> = Object.freeze({
  crossGroupBetweenness: {
    weight: 0.35,
    description: {
      en: "Shortest paths between actors of different groups that run through the actor, relative to the highest in the scope",
      fr: "Plus courts chemins entre acteurs de groupes différents passant par l'acteur, rapportés au maximum du périmètre",
    },
  },
  brokerage: {
    weight: 0.25,
    description: {
      en: "Brokerage between unconnected actors of different groups (representative, gatekeeper, liaison), relative to the highest in the scope",
      fr: "Intermédiation entre acteurs non liés de groupes différents (représentant, gardien, agent de liaison), rapportée au maximum du périmètre",
    },
  },
  lowConstraint: {
    weight: 0.15,
    description: {
      en: "1 - Burt's constraint: contacts that are not tied to each other (structural holes)",
      fr: "1 - contrainte de Burt : des contacts qui ne sont pas liés entre eux (trous structuraux)",
    },
  },
  articulation: {
    weight: 0.25,
    description: {
      en: "Whether the network splits without the actor, and the share of pairs of actors that would lose every path, relative to the highest",
      fr: "Le réseau se scinde-t-il sans l'acteur, et part des paires d'acteurs qui perdraient tout chemin, rapportée au maximum",
    },
  },
});

export const BRIDGE_COMPONENT_KEYS = Object.keys(BRIDGE_COMPONENTS) as BridgeComponentKey[];

/** The brokerage roles whose two ends lie in different groups. */
export const CROSS_GROUP_ROLES = ["representative", "gatekeeper", "liaison"] as const;

/** The part of the articulation component any articulation point gets; its cut share grades the rest. */
export const ARTICULATION_FLAG_SHARE = 0.5;
