import { z } from "zod";
import { computedOn, type ComputedOnShape } from "../graph/analytics/computedOn.js";
import { introductionPaths, type IntroductionPath, type PathTie } from "../graph/ecosystem/introductionPaths.js";
import { Actor } from "./actor.js";
import { ComputedOn } from "./analyticsScope.js";
import { builder } from "./builder.js";
import { NotFoundError } from "../record/errors.js";
import { recordId } from "./ids.js";
import { byId } from "./loadById.js";
import { asOfArg, asOfOptions } from "./timeTravel.js";

/** Most paths returned: beyond a handful, a list of introductions is no longer read. */
const PATH_LIMIT = 10;

type PathShape = IntroductionPath & { actorIds: number[] };

const PathTieRef = builder.objectRef<PathTie>("PathTie").implement({
  description: "One tie of an introduction path.",
  fields: (t) => ({
    confirmed: t.exposeBoolean("confirmed", { description: "Both ends confirmed an alliance they share." }),
    strength: t.exposeFloat("strength", { description: "The tie's strength (graph/ecosystem/interactionValue.ts)." }),
  }),
});

const IntroductionPathRef = builder.objectRef<PathShape>("IntroductionPath").implement({
  description: "A chain of ties from one actor to another: each actor in between could introduce the next.",
  fields: (t) => ({
    actors: t.prismaField({
      type: ["Actor"],
      description: "From the first actor to the second, in order.",
      resolve: (query, path, _args, ctx) => Promise.all(path.actorIds.map((id) => byId(ctx, "actor", query, id, (args) => ctx.prisma.actor.findMany(args)))),
    }),
    steps: t.int({ description: "The number of ties.", resolve: (path) => path.ties.length }),
    ties: t.field({ type: [PathTieRef], description: "ties[i] joins actors[i] and actors[i + 1].", resolve: (path) => path.ties }),
  }),
});

const IntroductionPathsRef = builder.objectRef<{ paths: PathShape[]; computedOn: ComputedOnShape }>("IntroductionPaths").implement({
  fields: (t) => ({
    paths: t.field({
      type: [IntroductionPathRef],
      description: `All shortest paths, of the same length, at most ${PATH_LIMIT}; none when the actors are further apart.`,
      resolve: (p) => p.paths,
    }),
    computedOn: t.field({ type: ComputedOn, resolve: (p) => p.computedOn }),
  }),
});

builder.queryField("paths", (t) =>
  t.field({
    type: IntroductionPathsRef,
    description: "Introduction paths: the shortest chains of ties from one actor to another, through confirmed ties unless told otherwise.",
    args: {
      from: t.arg.globalID({ for: [Actor], required: true }),
      to: t.arg.globalID({ for: [Actor], required: true }),
      confirmedOnly: t.arg.boolean({ defaultValue: true, description: "Use only ties both ends confirmed." }),
      maxLength: t.arg.int({ defaultValue: 3, description: "Longest path, in ties (1 to 4).", validate: z.number().int().min(1).max(4) }),
      asOf: t.arg(asOfArg),
    },
    resolve: async (_root, args, ctx) => {
      const snapshot = await ctx.graph.snapshot(await asOfOptions(ctx.graph, args.asOf));
      const [from, to] = [args.from, args.to].map((globalId) => {
        const id = recordId(globalId);
        const node = snapshot.indexOfActor.get(id);
        if (node === undefined) throw new NotFoundError("Actor", id);
        return node;
      }) as [number, number];
      const paths = introductionPaths(snapshot, from, to, { maxLength: args.maxLength ?? 3, confirmedOnly: args.confirmedOnly ?? true, limit: PATH_LIMIT });
      return { paths: paths.map((path) => ({ ...path, actorIds: path.nodes.map((v) => snapshot.actorIds[v]!) })), computedOn: computedOn(snapshot) };
    },
  }),
);
