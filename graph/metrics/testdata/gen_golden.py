#!/usr/bin/env python3
"""Regenerate the NetworkX golden files of graph/metrics.

    pip install networkx scipy
    python3 graph/metrics/testdata/gen_golden.py

For every test graph NAME it writes into this directory
  golden/NAME.edges.csv   edge list, header source,target[,weight]
  golden/NAME.nodes.csv   node list, header id (only graphs with isolates or
                          a node order the edges don't give)
  golden/NAME.json        metrics computed by NetworkX on that graph
and golden/dyads.json (see dyad_golden below) from golden/events.json.

The NetworkX graph is built by reading back the CSVs written here (nodes
first, then edges with G.add_edge, so a duplicate edge keeps its last
weight, NetworkX's behaviour), so both sides see exactly the same input.
A metric that NetworkX fails on is null with its exception in "errors".
"""

import csv
import json
import math
import os
import random
import sys

import networkx as nx
import numpy as np
import scipy

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "golden")


# ---------------------------------------------------------------- graphs


def graphs():
    """Yield (name, directed, edges, nodes_or_None, duplicates_policy).

    edges is a list of (u, v) or (u, v, w) tuples in file order.
    """
    # 1. Zachary's karate club, weighted (number of interactions).
    k = nx.karate_club_graph()
    yield "karate", False, [(str(u), str(v), d["weight"]) for u, v, d in k.edges(data=True)], None, "sum"

    # 2. Les Misérables co-occurrence, weighted, 77 nodes.
    lm = nx.les_miserables_graph()
    yield "lesmis", False, [(u, v, d["weight"]) for u, v, d in lm.edges(data=True)], None, "sum"

    # 3. Florentine families, unweighted (no weight column).
    ff = nx.florentine_families_graph()
    yield "florentine", False, [(u, v) for u, v in ff.edges()], None, "sum"

    # 4. Random G(n, m), 200 nodes, 800 edges, integer weights 1..5.
    rg = nx.gnm_random_graph(200, 800, seed=42)
    rnd = random.Random(42)
    yield "random200", False, [(f"n{u}", f"n{v}", rnd.randint(1, 5)) for u, v in rg.edges()], None, "sum"

    # 5. Random directed, float weights, dangling nodes and isolates.
    dg = nx.gnm_random_graph(120, 420, seed=7, directed=True)
    rnd = random.Random(7)
    edges = [(f"d{u}", f"d{v}", round(rnd.uniform(0.5, 3.0), 3)) for u, v in dg.edges()]
    nodes = [f"d{i}" for i in range(120)] + ["lonely1", "lonely2"]
    yield "random_directed", True, edges, nodes, "sum"

    # 6. Disconnected undirected with isolates; ids with commas and quotes.
    edges = [
        ("Smith, John", 'He said "hi"', 2.0), ("Smith, John", "c", 1.0), ("c", 'He said "hi"', 1.5),
        ("c", "d", 1.0), ("d", "e", 3.0), ("e", "c", 0.5), ("d", "Smith, John", 1.0),
        ("p1", "p2", 1.0), ("p2", "p3", 2.0), ("p3", "p4", 1.0), ("p4", "p2", 1.0),
        ("x", "y", 4.0),
    ]
    nodes = ["iso A", "Smith, John", "iso,B"]
    yield "disconnected", False, edges, nodes, "sum"

    # 7. Undirected with self-loops.
    edges = [
        ("a", "a", 2.0), ("a", "b", 1.0), ("b", "c", 1.0), ("c", "a", 3.0), ("c", "c", 1.0),
        ("c", "d", 2.0), ("d", "e", 1.0), ("e", "f", 1.0), ("f", "d", 1.0), ("f", "f", 5.0),
        ("b", "d", 1.0),
    ]
    yield "selfloops", False, edges, None, "sum"

    # 8. Directed with self-loops and reciprocal edges.
    edges = [
        ("a", "b", 1.0), ("b", "a", 2.0), ("b", "c", 1.0), ("c", "a", 1.0), ("c", "c", 2.0),
        ("c", "d", 1.0), ("d", "e", 3.0), ("e", "c", 1.0), ("e", "e", 1.0), ("a", "d", 0.5),
        ("d", "b", 1.0), ("f", "a", 1.0), ("e", "f", 2.0),
    ]
    yield "selfloops_directed", True, edges, None, "sum"

    # 9. Duplicate rows (incl. reversed) in an undirected graph: NetworkX's
    #    add_edge keeps the last weight; the Go side reads it with
    #    LastDuplicate.
    edges = [
        ("a", "b", 1.0), ("b", "c", 2.0), ("a", "b", 5.0), ("c", "d", 1.0), ("b", "a", 3.0),
        ("d", "a", 1.0), ("c", "b", 4.0), ("d", "e", 2.0), ("e", "c", 1.0),
    ]
    yield "duplicates", False, edges, None, "last"

    # 10. A directed acyclic graph (eigenvector centrality does not converge).
    dag = nx.gn_graph(40, seed=3)
    yield "dag", True, [(f"g{u}", f"g{v}") for u, v in dag.edges()], None, "sum"

    # 11. A star: bipartite, so HITS is degenerate (not compared).
    yield "star", False, [("hub", f"leaf{i}", 1.0 + i) for i in range(8)], None, "sum"

    # 12. No edges at all: three isolated nodes.
    yield "edgeless", False, [], ["a", "b", "c"], "sum"

    # 13. Directed, unweighted, strongly connected-ish small graph.
    dg = nx.gnp_random_graph(30, 0.12, seed=11, directed=True)
    yield "directed30", True, [(f"v{u}", f"v{v}") for u, v in dg.edges()], None, "sum"


# ---------------------------------------------------------------- io


def fmt_weight(w):
    if isinstance(w, int):
        return str(w)
    return repr(float(w))


def write_csvs(name, edges, nodes):
    weighted = any(len(e) == 3 for e in edges) or not edges
    with open(os.path.join(OUT, name + ".edges.csv"), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["source", "target", "weight"] if weighted else ["source", "target"])
        for e in edges:
            w.writerow([e[0], e[1], fmt_weight(e[2])] if weighted else [e[0], e[1]])
    if nodes is not None:
        with open(os.path.join(OUT, name + ".nodes.csv"), "w", newline="") as f:
            w = csv.writer(f, lineterminator="\n")
            w.writerow(["id"])
            for n in nodes:
                w.writerow([n])


def read_back(name, directed):
    G = nx.DiGraph() if directed else nx.Graph()
    p = os.path.join(OUT, name + ".nodes.csv")
    if os.path.exists(p):
        with open(p, newline="") as f:
            r = csv.DictReader(f)
            G.add_nodes_from(row["id"] for row in r)
    with open(os.path.join(OUT, name + ".edges.csv"), newline="") as f:
        r = csv.DictReader(f)
        for row in r:
            w = float(row["weight"]) if row.get("weight") not in (None, "") else 1.0
            G.add_edge(row["source"], row["target"], weight=w)  # overwrites duplicates
    return G


# ---------------------------------------------------------------- metrics


def clean(x):
    if isinstance(x, float) and (math.isnan(x) or math.isinf(x)):
        return None
    return x


def hits_degenerate(G):
    if G.number_of_edges() == 0:
        return True
    A = nx.to_numpy_array(G, weight="weight")
    s = np.linalg.svd(A, compute_uv=False)
    return bool(len(s) > 1 and s[1] >= s[0] * (1 - 1e-6))


def node_metrics(G):
    nodes = list(G)
    out, errors = {}, {}

    def put(key, fn):
        try:
            d = fn()
            out[key] = [clean(float(d[n])) for n in nodes]
        except Exception as e:  # noqa: BLE001 - record every NetworkX failure
            out[key] = None
            errors[key] = f"{type(e).__name__}: {e}"

    put("degree", lambda: dict(G.degree()))
    put("strength", lambda: dict(G.degree(weight="weight")))
    if G.is_directed():
        put("in_degree", lambda: dict(G.in_degree()))
        put("out_degree", lambda: dict(G.out_degree()))
        put("in_strength", lambda: dict(G.in_degree(weight="weight")))
        put("out_strength", lambda: dict(G.out_degree(weight="weight")))
    put("betweenness", lambda: nx.betweenness_centrality(G))
    H = G.copy()
    for u, v, d in H.edges(data=True):
        d["distance"] = 1.0 / d["weight"]
    put("betweenness_weighted", lambda: nx.betweenness_centrality(H, weight="distance"))
    put("closeness", lambda: nx.closeness_centrality(G))
    put("harmonic", lambda: nx.harmonic_centrality(G))
    put("eigenvector", lambda: nx.eigenvector_centrality(G))
    put("pagerank", lambda: nx.pagerank(G))
    hubs = {}

    def hits():
        h, a = nx.hits(G)
        hubs["h"] = h
        return a

    put("authority", hits)
    if "h" in hubs:
        out["hub"] = [clean(float(hubs["h"][n])) for n in nodes]
    else:
        out["hub"], errors["hub"] = None, errors.get("authority")
    put("katz", lambda: nx.katz_centrality(G))
    put("clustering", lambda: nx.clustering(G))
    # nx.core_number raises on self-loops: remove them first (documented).
    C = G.copy()
    C.remove_edges_from(list(nx.selfloop_edges(C)))
    put("core", lambda: nx.core_number(C))
    return out, errors


def graph_metrics(G):
    comps = list(nx.weakly_connected_components(G) if G.is_directed() else nx.connected_components(G))
    sizes = [len(c) for c in comps]
    nodes = list(G)
    g = {
        "nodes": G.number_of_nodes(),
        "edges": G.number_of_edges(),
        "self_loops": nx.number_of_selfloops(G),
        "directed": G.is_directed(),
        "density": nx.density(G),
        "components": len(comps),
        "component_sizes": sizes,
        "largest_component": max(sizes) if sizes else 0,
        "average_clustering": nx.average_clustering(G) if len(G) else None,
    }
    parts = nx.community.louvain_communities(G, seed=1)
    # order each community by node order so the file is stable
    pos = {n: i for i, n in enumerate(nodes)}
    parts = sorted((sorted(p, key=pos.get) for p in parts), key=lambda p: pos[p[0]])
    g["louvain_partition"] = parts
    try:
        g["louvain_modularity"] = nx.community.modularity(G, parts)
    except ZeroDivisionError:
        g["louvain_modularity"] = None
    # a second, fixed partition to check the modularity formula exactly:
    # nodes split by the parity of their index
    fixed = [[n for i, n in enumerate(nodes) if i % 2 == 0], [n for i, n in enumerate(nodes) if i % 2 == 1]]
    fixed = [p for p in fixed if p]
    try:
        g["parity_partition_modularity"] = nx.community.modularity(G, fixed)
    except ZeroDivisionError:
        g["parity_partition_modularity"] = None
    return g


# ---------------------------------------------------------------- dyads


def parse_day(s):
    """First day of a YYYY, YYYY-MM or YYYY-MM-DD date, as a date ordinal."""
    import datetime as dt

    parts = [int(p) for p in s.split("-")]
    while len(parts) < 3:
        parts.append(1)
    return dt.date(*parts).toordinal()


def dyad_golden():
    with open(os.path.join(OUT, "events.json")) as f:
        spec = json.load(f)
    as_of = parse_day(spec["as_of"])
    half_life = spec["half_life_days"]
    events, seen = [], set()
    for e in spec["events"]:
        # events after as_of are ignored; a repeated key is the same event
        if parse_day(e["date"]) > as_of or (e["key"] and e["key"] in seen):
            continue
        seen.add(e["key"])
        events.append(e)
    G = nx.Graph()
    pairs = {}
    for e in events:
        ps = list(dict.fromkeys(p for p in e["participants"] if p))
        G.add_nodes_from(ps)
        for i in range(len(ps)):
            for j in range(i + 1, len(ps)):
                a, b = sorted((ps[i], ps[j]))
                if G.has_edge(a, b):
                    G[a][b]["weight"] += 1
                else:
                    G.add_edge(a, b, weight=1)
                pairs.setdefault((a, b), []).append((parse_day(e["date"]), len(ps)))
    out = []
    for (a, b), evs in sorted(pairs.items()):
        days = sorted(d for d, _ in evs)
        gaps = [y - x for x, y in zip(days, days[1:])]
        span_years = max(1.0, (days[-1] - days[0]) / 365.25)
        strength = sum(0.5 ** ((as_of - d) / half_life) for d in days)
        bil = sum(1 for _, k in evs if k == 2)
        (_, _, jac), = nx.jaccard_coefficient(G, [(a, b)])
        (_, _, aa), = nx.adamic_adar_index(G, [(a, b)])
        out.append({
            "a": a, "b": b, "count": len(days),
            "events_per_year": len(days) / span_years,
            "mean_gap_days": sum(gaps) / len(gaps) if gaps else None,
            "longest_gap_days": max(gaps) if gaps else None,
            "strength": strength,
            "bilateral": bil, "multilateral": len(days) - bil,
            "jaccard": jac, "adamic_adar": aa,
        })
    return {"networkx": nx.__version__, "as_of": spec["as_of"], "half_life_days": half_life, "dyads": out,
            "projection": {"nodes": list(G), "edges": [[u, v, d["weight"]] for u, v, d in G.edges(data=True)]}}


# ---------------------------------------------------------------- main


def main():
    os.makedirs(OUT, exist_ok=True)
    names = []
    for name, directed, edges, nodes, dup in graphs():
        write_csvs(name, edges, nodes)
        G = read_back(name, directed)
        nm, errors = node_metrics(G)
        doc = {
            "networkx": nx.__version__,
            "scipy": scipy.__version__,
            "python": sys.version.split()[0],
            "name": name,
            "directed": directed,
            "duplicates": dup,
            "hits_degenerate": hits_degenerate(G),
            "node_ids": list(G),
            "node_metrics": nm,
            "errors": errors,
            "graph": graph_metrics(G),
        }
        with open(os.path.join(OUT, name + ".json"), "w") as f:
            json.dump(doc, f, indent=1, ensure_ascii=False)
            f.write("\n")
        names.append(name)
        print(f"{name}: {G.number_of_nodes()} nodes, {G.number_of_edges()} edges, errors={sorted(errors)}")
    with open(os.path.join(OUT, "dyads.json"), "w") as f:
        json.dump(dyad_golden(), f, indent=1, ensure_ascii=False)
        f.write("\n")
    print("dyads.json")


if __name__ == "__main__":
    main()
