"""Comparator for `npm run bench`: scikit-learn KMeans on the points the bench wrote.

Usage: python3 kmeans_sklearn.py MANIFEST.json
The manifest names raw little-endian float32 files: points (n x d) and init (k x d), plus
iterations, repeats and algorithms (default ["lloyd"]; scikit-learn's default is "lloyd", "elkan"
is its bounded variant). KMeans(algorithm=..., n_init=1, init=<given centroids>,
max_iter=iterations, tol=0) runs every iteration unless the labels stop changing (scikit-learn
then stops early: n_iter is reported so the bench can compare like with like). One untimed fit
first (thread pools, page faults), then `repeats` timed fits of each algorithm, interleaved; only
fit() is timed. Prints one JSON object on stdout and writes the final lloyd centroids (float32,
k x d) to manifest["out"] when given.
"""
import json
import os
import sys
import time

import numpy as np
import sklearn
from sklearn.cluster import KMeans


def fit(x, init, k, iterations, algorithm):
    model = KMeans(n_clusters=k, init=init.copy(), n_init=1, max_iter=iterations, tol=0.0, algorithm=algorithm)
    t0 = time.perf_counter()
    model.fit(x)
    return (time.perf_counter() - t0) * 1000.0, model


def main() -> None:
    with open(sys.argv[1]) as f:
        m = json.load(f)
    base = os.path.dirname(os.path.abspath(sys.argv[1]))
    n, d, k = m["n"], m["d"], m["k"]
    x = np.fromfile(os.path.join(base, m["points"]), dtype="<f4").reshape(n, d)
    init = np.fromfile(os.path.join(base, m["init"]), dtype="<f4").reshape(k, d)
    algorithms = m.get("algorithms", ["lloyd"])
    fit(x, init, k, 2, algorithms[0])  # warm-up: thread pools and page faults are not the algorithm
    times = {a: [] for a in algorithms}
    models = {}
    for _ in range(m.get("repeats", 3)):
        for a in algorithms:
            ms, models[a] = fit(x, init, k, m["iterations"], a)
            times[a].append(ms)
    lloyd = models.get("lloyd", models[algorithms[0]])
    if m.get("out"):
        lloyd.cluster_centers_.astype("<f4").tofile(os.path.join(base, m["out"]))
    threads = None
    try:
        from threadpoolctl import threadpool_info

        threads = [{"api": i.get("user_api"), "lib": i.get("internal_api"), "threads": i.get("num_threads")} for i in threadpool_info()]
    except Exception:  # threadpoolctl is optional information only
        pass
    print(json.dumps({
        "bestMs": min(times[algorithms[0]]),
        "timesMs": times[algorithms[0]],
        "byAlgorithm": {a: {"timesMs": t, "iterations": int(models[a].n_iter_), "inertia": float(models[a].inertia_)} for a, t in times.items()},
        "iterations": int(lloyd.n_iter_),
        "inertia": float(lloyd.inertia_),
        "sklearn": sklearn.__version__,
        "numpy": np.__version__,
        "threadpools": threads,
    }))


if __name__ == "__main__":
    main()
