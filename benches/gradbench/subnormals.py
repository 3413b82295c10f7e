#!/usr/bin/env python3
"""How many subnormal numbers the gmm gradient meets on gradbench's inputs.

For each size, on the input gradbench's `gmm` eval generates (its own `generate`, seed 31337),
computes in float64 with numpy the responsibilities w_ik = softmax_k(beta_i)_k, and counts:

- w subnormal: responsibilities in (0, 2^-1022) (exp(beta - max) between about e^-745 and
  e^-708);
- w zero: responsibilities that underflowed to exactly 0;
- w z subnormal: entries of w_ik * z_ik (z = Q_k (x_i - mu_k)), the weighted cotangent that a
  reverse sweep multiplies into the D(D-1)/2 triangle of L_k and into the means; every one
  of those products with a subnormal operand is slow on CPUs that handle subnormals in
  microcode.

    PYTHONPATH=$GRADBENCH_SRC/python/gradbench python3 subnormals.py [D,K ...]
"""

import sys

import numpy as np
from gradbench.evals.gmm.run import generate

TINY = np.finfo(np.float64).tiny  # smallest normal, 2^-1022


def main():
    sizes = [tuple(map(int, a.split(","))) for a in sys.argv[1:]] or [
        (d, k) for d in (2, 10, 20, 32, 64) for k in (5, 10, 25, 50, 100)
    ]
    print("| d | K | w subnormal | w zero | w·z subnormal (of N K D) | w·z zero |")
    print("| ---: | ---: | ---: | ---: | ---: | ---: |")
    for d, k in sizes:
        inp = generate(seed=31337, d=d, k=k, n=1000, m=0, gamma=1.0)
        x = np.array(inp["x"])
        mu = np.array(inp["mu"])
        q = np.array(inp["q"])
        alpha = np.array(inp["alpha"])
        n = x.shape[0]
        z = np.empty((n, k, d))
        for ik in range(k):
            Q = np.diag(np.exp(q[ik]))
            # gradbench's l_k fills the strict lower triangle column by column.
            rows, cols = [], []
            for c in range(d):
                for r in range(c + 1, d):
                    rows.append(r)
                    cols.append(c)
            Q[rows, cols] = inp["l"][ik]
            z[:, ik, :] = (x - mu[ik]) @ Q.T
        beta = alpha + q.sum(axis=1) - 0.5 * (z * z).sum(axis=2)
        e = np.exp(beta - beta.max(axis=1, keepdims=True))
        w = e / e.sum(axis=1, keepdims=True)
        wz = w[:, :, None] * z
        sub = lambda a: np.count_nonzero((a != 0) & (np.abs(a) < TINY))  # noqa: E731
        print(
            f"| {d} | {k} | {sub(w) / w.size:.1%} | {np.count_nonzero(w == 0) / w.size:.1%} "
            f"| {sub(wz) / wz.size:.1%} | {np.count_nonzero(wz == 0) / wz.size:.1%} |"
        )


if __name__ == "__main__":
    main()
