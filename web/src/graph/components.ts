/**
 * The pieces a network falls into when one actor leaves: connected components (breadth-first)
 * of the network without it. Only the pieces that held one of its neighbours are its own part's
 * pieces; the other components were apart already and stay untouched.
 */

export interface RemovalPieces {
  /** The pieces its own connected part falls into, largest first (ties broken by first id). */
  pieces: string[][];
  /** Components that did not touch the actor. */
  untouched: string[][];
}

export function piecesWithout(nodes: Iterable<string>, ties: Iterable<readonly [string, string]>, removed: string): RemovalPieces {
  const adjacency = new Map<string, string[]>();
  for (const node of nodes) if (node !== removed) adjacency.set(node, []);
  const neighbours = new Set<string>();
  for (const [a, b] of ties) {
    if (a === removed || b === removed) {
      if (a === removed && adjacency.has(b)) neighbours.add(b);
      if (b === removed && adjacency.has(a)) neighbours.add(a);
      continue;
    }
    const la = adjacency.get(a);
    const lb = adjacency.get(b);
    if (!la || !lb) continue;
    la.push(b);
    lb.push(a);
  }

  const seen = new Set<string>();
  const pieces: string[][] = [];
  const untouched: string[][] = [];
  for (const start of adjacency.keys()) {
    if (seen.has(start)) continue;
    const component = [start];
    seen.add(start);
    let touches = neighbours.has(start);
    for (let i = 0; i < component.length; i++) {
      for (const next of adjacency.get(component[i]!)!) {
        if (seen.has(next)) continue;
        seen.add(next);
        component.push(next);
        if (neighbours.has(next)) touches = true;
      }
    }
    (touches ? pieces : untouched).push(component);
  }
  pieces.sort((a, b) => b.length - a.length);
  return { pieces, untouched };
}
