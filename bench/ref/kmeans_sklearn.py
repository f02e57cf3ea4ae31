"""Comparator for `npm run bench`: scikit-learn KMeans (Lloyd) on the points the bench wrote.

Usage: python3 kmeans_sklearn.py MANIFEST.json
The manifest names raw little-endian float32 files: points (n x d) and init (k x d), plus
iterations and repeats. KMeans(algorithm='lloyd', n_init=1, init=<given centroids>,
max_iter=iterations, tol=0) so it runs every iteration unless the labels stop changing
(scikit-learn then stops early: n_iter is reported so the bench can compare like with like).
Only fit() is timed; best of `repeats`. Prints one JSON object on stdout and writes the final
centroids (float32, k x d) to manifest["out"] when given.
"""
import json
import os
import sys
import time

import numpy as np
import sklearn
from sklearn.cluster import KMeans


def main() -> None:
    with open(sys.argv[1]) as f:
        m = json.load(f)
    base = os.path.dirname(os.path.abspath(sys.argv[1]))
    n, d, k = m["n"], m["d"], m["k"]
    x = np.fromfile(os.path.join(base, m["points"]), dtype="<f4").reshape(n, d)
    init = np.fromfile(os.path.join(base, m["init"]), dtype="<f4").reshape(k, d)
    times = []
    model = None
    for _ in range(m.get("repeats", 3)):
        model = KMeans(n_clusters=k, init=init.copy(), n_init=1, max_iter=m["iterations"], tol=0.0, algorithm="lloyd")
        t0 = time.perf_counter()
        model.fit(x)
        times.append((time.perf_counter() - t0) * 1000.0)
    if m.get("out"):
        model.cluster_centers_.astype("<f4").tofile(os.path.join(base, m["out"]))
    threads = None
    try:
        from threadpoolctl import threadpool_info

        threads = [{"api": i.get("user_api"), "lib": i.get("internal_api"), "threads": i.get("num_threads")} for i in threadpool_info()]
    except Exception:  # threadpoolctl is optional information only
        pass
    print(json.dumps({
        "bestMs": min(times),
        "timesMs": times,
        "iterations": int(model.n_iter_),
        "inertia": float(model.inertia_),
        "sklearn": sklearn.__version__,
        "numpy": np.__version__,
        "threadpools": threads,
    }))


if __name__ == "__main__":
    main()
