"""Forward vs reverse mode on f: R^n -> R (many inputs, one output), Parr & Howard §4.5.1.

    .venv/bin/python benchmarks/autodiff_modes.py

Prints, for growing n, the passes each mode needs for the full gradient (forward n,
reverse 1), the primitive rules applied, and wall-clock times (best of 5). Times vary
between machines and runs, so they live here and not in the book's stored outputs.
"""
from __future__ import annotations

import time

import numpy as np

from mathcalc import autodiff as ad


def f(x):
    """A small network-like scalar function: sum(sin(x) ⊗ x) + (x · x) / 2."""
    return ad.sum(ad.sin(x) * x) + ad.dot(x, x) * 0.5


def best_time(fn, repeat: int = 5) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    rng = np.random.default_rng(0)
    print(f"{'n':>6} {'fwd passes':>11} {'rev passes':>11} {'fwd rules':>10} {'rev rules':>10}"
          f" {'fwd time (s)':>13} {'rev time (s)':>13} {'ratio':>7}")
    for n in (10, 100, 1000, 4000):
        x = rng.uniform(-1, 1, size=n)
        Jf, cf = ad.jacobian_forward(f, x)
        Jr, cr = ad.jacobian_reverse(f, x)
        assert np.allclose(Jf, Jr)
        tf = best_time(lambda: ad.jacobian_forward(f, x))
        tr = best_time(lambda: ad.jacobian_reverse(f, x))
        print(f"{n:>6} {cf.passes:>11} {cr.passes:>11} {cf.rule_applications:>10} "
              f"{cr.rule_applications:>10} {tf:>13.5f} {tr:>13.5f} {tf / tr:>7.1f}")


if __name__ == "__main__":
    main()
