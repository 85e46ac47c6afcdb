import DataLoader from "dataloader";
import type { FieldNode, GraphQLResolveInfo, SelectionSetNode } from "graphql";
import type { MembershipIndex, MembershipRow } from "../graph/membershipIndex.js";
import type { Context } from "./context.js";
import { latestOutboxPosition } from "../record/outbox.js";

/**
 * Where a request walks memberships (actor → alliances → members → actor): the graph engine's
 * in-memory index when the engine has applied every outbox event the record holds, so the
 * answer is the record's and no table is joined; the record itself otherwise (an engine
 * catching up, a Neo4j engine that lost its server). One small statement per request and engine
 * version decides.
 */
interface Decision {
  engineVersion: bigint;
  index: Promise<MembershipIndex | null>;
}
const decisions = new WeakMap<Context, Decision>();

export function membershipIndex(ctx: Context): Promise<MembershipIndex | null> {
  const engineVersion = ctx.graph.version();
  const known = decisions.get(ctx);
  // A write in this request moves the engine on: decide again after it.
  if (known && known.engineVersion === engineVersion) return known.index;
  const index = latestOutboxPosition(ctx.prisma).then((latest) => {
    const current = ctx.graph.memberships();
    return current.version >= latest ? current : null;
  });
  decisions.set(ctx, { engineVersion, index });
  return index;
}

type Side = "actorId" | "allianceId";
const recordLoaders = new WeakMap<Context, Record<Side, DataLoader<number, MembershipRow[]>>>();

/** The record's memberships of many actors (or alliances) in one statement: the fallback path. */
function fromRecord(ctx: Context, side: Side): DataLoader<number, MembershipRow[]> {
  let loaders = recordLoaders.get(ctx);
  if (!loaders) {
    const load = (key: Side) =>
      new DataLoader<number, MembershipRow[]>(async (ids) => {
        const other: Side = key === "actorId" ? "allianceId" : "actorId";
        const rows = await ctx.prisma.allianceMember.findMany({
          where: { [key]: { in: [...ids] } },
          orderBy: [{ [key]: "asc" }, { [other]: "asc" }],
          select: { allianceId: true, actorId: true, role: true, confirmedAt: true },
        });
        const grouped = new Map<number, MembershipRow[]>(ids.map((id) => [id, []]));
        for (const row of rows) grouped.get(row[key])!.push(row);
        return ids.map((id) => grouped.get(id)!);
      });
    loaders = { actorId: load("actorId"), allianceId: load("allianceId") };
    recordLoaders.set(ctx, loaders);
  }
  return loaders[side];
}

/** An actor's memberships by alliance id ("actorId"), or an alliance's members by actor id ("allianceId"). */
export async function membershipRows(ctx: Context, side: Side, id: number): Promise<readonly MembershipRow[]> {
  const index = await membershipIndex(ctx);
  if (!index) return fromRecord(ctx, side).load(id);
  return (side === "actorId" ? index.byActor : index.byAlliance).get(id) ?? [];
}

const coverage = new WeakMap<readonly FieldNode[], Map<ReadonlySet<string>, boolean>>();

/**
 * Whether a field's selection asks only for `held` fields of the object it returns, so the
 * index's copy of the object answers it. Fragments count whatever their type condition, and
 * skipped fields still count: a doubt sends the request to the record, never to a wrong answer.
 * Memoised per selection, since a list asks the same question of every item.
 */
export function asksOnly(info: GraphQLResolveInfo, held: ReadonlySet<string>): boolean {
  let perHeld = coverage.get(info.fieldNodes);
  if (!perHeld) coverage.set(info.fieldNodes, (perHeld = new Map()));
  let answer = perHeld.get(held);
  if (answer === undefined) {
    const visit = (set: SelectionSetNode | undefined): boolean =>
      (set?.selections ?? []).every((selection) => {
        if (selection.kind === "Field") return held.has(selection.name.value);
        if (selection.kind === "InlineFragment") return visit(selection.selectionSet);
        return visit(info.fragments[selection.name.value]?.selectionSet);
      });
    answer = info.fieldNodes.every((node) => visit(node.selectionSet));
    perHeld.set(held, answer);
  }
  return answer;
}
