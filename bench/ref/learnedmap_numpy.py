"""Comparator for `npm run bench`: one epoch of UniRoute's learned cluster map in numpy.

Usage: python3 learnedmap_numpy.py MANIFEST.json
Same maths as UNIROUTE.md's LearnedMap and src/core/kernels/learnedMapEpoch.ts:
  logits = [x, 1] theta^T, Phi = softmax(logits), gamma = clip(Phi Psi^T, 1e-6, 1 - 1e-6),
  loss = mean BCE(gamma, e) over the batch + l2 * |theta|^2, gradient wrt theta by hand,
  Adam (beta1 0.9, beta2 0.999, eps 1e-7 as tfjs) over mini-batches in file order.
float32 throughout. Only the epoch is timed (data already in memory); one untimed epoch first
(BLAS thread pools, page faults), then `repeats` timed ones, each from the same initial theta.
Prints one JSON object (every time, and numpy's BLAS threads) and writes the final theta
(float32, k x (d+1)) to manifest["out"] when given.
"""
import json
import os
import sys
import time

import numpy as np

CLIP = np.float32(1e-6)


def epoch(x, e, psi, theta0, lr, l2, batch):
    n = x.shape[0]
    h = psi.shape[0]
    theta = theta0.copy()
    w = theta[:, :-1]  # views: updated in place with theta
    m = np.zeros_like(theta)
    v = np.zeros_like(theta)
    b1, b2, eps = np.float32(0.9), np.float32(0.999), np.float32(1e-7)
    t = 0
    total = 0.0
    for s in range(0, n, batch):
        xb = x[s:s + batch]
        eb = e[s:s + batch]
        rows = xb.shape[0]
        z = xb @ w.T + theta[:, -1]
        z -= z.max(axis=1, keepdims=True)
        phi = np.exp(z)
        phi /= phi.sum(axis=1, keepdims=True)
        gamma = phi @ psi.T
        inside = (gamma >= CLIP) & (gamma <= 1 - CLIP)  # clipped cells get no gradient, as tf.clipByValue
        g = np.clip(gamma, CLIP, 1 - CLIP)
        scale = np.float32(1.0 / (rows * h))
        total += float(-(eb * np.log(g) + (1 - eb) * np.log(1 - g)).sum()) * scale
        dg = (-(eb / g) + (1 - eb) / (1 - g)) * scale * inside
        dphi = dg @ psi
        dz = phi * (dphi - (dphi * phi).sum(axis=1, keepdims=True))
        grad = np.empty_like(theta)
        grad[:, :-1] = dz.T @ xb
        grad[:, -1] = dz.sum(axis=0)
        grad += np.float32(2 * l2) * theta
        t += 1
        m *= b1
        m += (1 - b1) * grad
        v *= b2
        v += (1 - b2) * grad * grad
        mhat = m / np.float32(1 - b1 ** t)
        vhat = v / np.float32(1 - b2 ** t)
        theta -= np.float32(lr) * mhat / (np.sqrt(vhat) + eps)
    return theta, total / t


def main() -> None:
    with open(sys.argv[1]) as f:
        m = json.load(f)
    base = os.path.dirname(os.path.abspath(sys.argv[1]))
    n, d, k, h = m["n"], m["d"], m["k"], m["h"]
    read = lambda name, shape: np.fromfile(os.path.join(base, m[name]), dtype="<f4").reshape(shape)
    x, e, psi, theta0 = read("x", (n, d)), read("errors", (n, h)), read("psi", (h, k)), read("theta", (k, d + 1))
    epoch(x, e, psi, theta0, m["learningRate"], m["l2"], m["batchSize"])  # warm-up
    times = []
    theta = None
    loss = None
    for _ in range(m.get("repeats", 3)):
        t0 = time.perf_counter()
        theta, loss = epoch(x, e, psi, theta0, m["learningRate"], m["l2"], m["batchSize"])
        times.append((time.perf_counter() - t0) * 1000.0)
    if m.get("out"):
        theta.astype("<f4").tofile(os.path.join(base, m["out"]))
    threads = None
    try:
        from threadpoolctl import threadpool_info

        threads = [{"api": i.get("user_api"), "lib": i.get("internal_api"), "threads": i.get("num_threads")} for i in threadpool_info()]
    except Exception:  # threadpoolctl is optional information only
        pass
    print(json.dumps({"bestMs": min(times), "timesMs": times, "meanBatchLoss": loss, "numpy": np.__version__, "threadpools": threads}))


if __name__ == "__main__":
    main()
