import { cutElements } from "../algorithms/components.js";
import { edgeBetweenness } from "../algorithms/edgeBetweenness.js";
import type { NetworkSnapshot } from "../snapshot.js";
import { inducedSubgraph } from "../subgraph.js";

/**
 * Each tie's structural position in [0, 1], the `structural` component of its value (Burt 1992:
 * ties that span structural holes carry what the rest cannot). A tie is worth 1 when it spans two
 * territories (its ends act in different ecosystems or outside any) or when it is a bridge of the
 * whole network (removing it cuts a part off); otherwise its edge betweenness inside its
 * ecosystem (Girvan & Newman 2002; Brandes 2008), relative to the highest there. Computing edge
 * betweenness per ecosystem keeps this cheap and local: what a tie carries for its territory.
 */
export function tieStructuralPositions(snapshot: NetworkSnapshot): Float64Array {
  const { graph, ecosystem } = snapshot;
  const positions = new Float64Array(graph.edgeCount);
  const { bridges } = cutElements(graph);
  const membersOf = new Map<number, number[]>();
  for (let e = 0; e < graph.edgeCount; e += 1) {
    const a = ecosystem[graph.edgeSource[e]!]!;
    if (a === -1 || a !== ecosystem[graph.edgeTarget[e]!]) positions[e] = 1;
  }
  for (const e of bridges) positions[e] = 1;
  for (let v = 0; v < ecosystem.length; v += 1) {
    const id = ecosystem[v]!;
    if (id === -1) continue;
    let members = membersOf.get(id);
    if (!members) membersOf.set(id, (members = []));
    members.push(v);
  }
  for (const members of membersOf.values()) {
    const sub = inducedSubgraph(graph, members);
    const betweenness = edgeBetweenness(sub.graph, { normalized: true });
    const highest = Math.max(0, ...betweenness);
    for (let e = 0; e < sub.graph.edgeCount; e += 1) {
      const parent = sub.parentTie[e]!;
      if (positions[parent] !== 1) positions[parent] = highest > 0 ? betweenness[e]! / highest : 0;
    }
  }
  return positions;
}
