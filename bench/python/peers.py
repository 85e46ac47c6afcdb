"""The peers a Maillage benchmark compares with: igraph (C) and NetworkX, as Debian packages them.

    /usr/bin/python3 bench/python/peers.py <edge list file> <measure> <repeats> [k]

Reads "u v w" lines (first line: node count), runs the measure `repeats` times and prints one
JSON line: {"seconds": [...], "values": [...]} (values only for small graphs, for checking).
"""
import json
import sys
import time


def load(path):
    with open(path) as f:
        n = int(f.readline())
        edges = [tuple(line.split()) for line in f]
    return n, [(int(u), int(v), float(w)) for u, v, w in edges]


def main():
    path, measure, repeats = sys.argv[1], sys.argv[2], int(sys.argv[3])
    k = int(sys.argv[4]) if len(sys.argv) > 4 else None
    n, edges = load(path)
    if measure.startswith("igraph"):
        import igraph

        g = igraph.Graph(n=n, edges=[(u, v) for u, v, _ in edges])
        run = {"igraph-betweenness": lambda: g.betweenness(directed=False), "igraph-constraint": lambda: g.constraint()}[measure]
    else:
        import networkx as nx

        g = nx.Graph()
        g.add_nodes_from(range(n))
        g.add_weighted_edges_from(edges)
        run = {"networkx-betweenness": lambda: nx.betweenness_centrality(g, k=k, seed=1)}[measure]
    seconds = []
    for _ in range(repeats):
        start = time.perf_counter()
        values = run()
        seconds.append(time.perf_counter() - start)
    print(json.dumps({"seconds": seconds}))


if __name__ == "__main__":
    main()
