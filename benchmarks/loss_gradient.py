"""Time mathcalc.neuron.loss_gradient against the memory-traffic limit and other ways of
computing the same gradient (Parr & Howard §6.1-§6.2).

    python benchmarks/loss_gradient.py                 # all sizes, 1 and 2 threads
    python benchmarks/loss_gradient.py --quick         # the two small sizes only
    python benchmarks/loss_gradient.py --threads 1 --sizes 1000x10

Compared, in the same run, on the same float64 data:

- two-pass limit: the time of X·w plus the time of Xᵀ·v (two BLAS matrix-vector products,
  each one pass over X). Any gradient that reads X twice from memory needs at least this.
- bare formula: the three lines of the gradient (z = Xw + b, masked error, Xᵀe and Σe)
  with no input checks and no blocking; the checks' cost is loss_gradient over this.
- loss_gradient: the library function (checks, row blocks of 512 kB).
- per-sample loop: mathcalc.neuron.loss_gradient_loop, the paper's sum one sample at a
  time in Python (skipped where it would take more than a few seconds).
- PyTorch autograd (CPU, float64) and jax.grad under jit (float64): optional, skipped with
  a message when the package is not installed.

Each thread count runs in a fresh subprocess (BLAS reads its thread count at start-up).
Methods are interleaved in every round and the median over the rounds is reported, with
ratios to the two-pass limit and to loss_gradient. Every method's result is first
checked against loss_gradient. This is a script, not a test: it prints, it asserts
nothing about speed.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time

SIZES = [(1_000, 10), (10_000, 10), (100_000, 100), (1_000_000, 100)]
LOOP_MAX_N = 100_000  # the Python loop takes ~3 µs a sample: skip it above this


def thread_env(threads: int) -> dict:
    env = dict(os.environ)
    for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        env[var] = str(threads)
    flags = env.get("XLA_FLAGS", "")
    if threads == 1:
        flags += " --xla_cpu_multi_thread_eigen=false intra_op_parallelism_threads=1"
    env["XLA_FLAGS"] = flags.strip()
    return env


def methods(N: int, n: int, threads: int, notes: list[str]):
    """name -> (setup-free callable returning (grad_w, grad_b) or None). Data is seeded."""
    import numpy as np

    from mathcalc.paper import neuron

    rng = np.random.default_rng(0)
    X = rng.standard_normal((N, n))
    w = rng.standard_normal(n) / np.sqrt(n)
    b = 0.1
    y = np.maximum(0.0, X @ rng.standard_normal(n) / np.sqrt(n)) + 0.1 * rng.standard_normal(N)
    v = rng.standard_normal(N)

    def two_pass():
        X @ w
        X.T @ v

    def one_pass():
        X @ w

    def bare():
        z = X @ w + b
        e = (z - y) * (z > 0)
        return (2.0 / N) * (X.T @ e), float(2.0 / N * e.sum())

    out = {"two-pass limit": (two_pass, False), "one pass (X·w)": (one_pass, False),
           "bare formula": (bare, True),
           "loss_gradient": (lambda: neuron.loss_gradient(w, b, X, y), True)}
    if N <= LOOP_MAX_N:
        out["per-sample loop"] = (lambda: neuron.loss_gradient_loop(w, b, X, y), True)
    else:
        notes.append(f"per-sample loop skipped at N = {N} (about {3e-6 * N:.0f} s a call)")
    try:
        import torch
    except ImportError:
        notes.append("PyTorch not installed: skipped")
    else:
        torch.set_num_threads(threads)
        Xt, yt = torch.from_numpy(X), torch.from_numpy(y)
        wt = torch.tensor(w, requires_grad=True)
        bt = torch.tensor(b, dtype=torch.float64, requires_grad=True)

        def torch_grad():
            wt.grad = None
            bt.grad = None
            loss = ((yt - torch.relu(Xt @ wt + bt)) ** 2).mean()
            loss.backward()
            return wt.grad.numpy(), float(bt.grad)

        out[f"PyTorch {torch.__version__} autograd"] = (torch_grad, True)
    try:
        import jax
    except ImportError:
        notes.append("JAX not installed: skipped")
    else:
        jax.config.update("jax_enable_x64", True)
        import jax.numpy as jnp

        Xj, yj, wj = jnp.asarray(X), jnp.asarray(y), jnp.asarray(w)

        def C(w_, b_, X_, y_):
            return jnp.mean((y_ - jnp.maximum(0.0, X_ @ w_ + b_)) ** 2)

        g = jax.jit(jax.grad(C, argnums=(0, 1)))
        g(wj, b, Xj, yj)[0].block_until_ready()  # compile outside the timing

        def jax_grad():
            gw, gb = g(wj, b, Xj, yj)
            gw.block_until_ready()
            return np.asarray(gw), float(gb)

        out[f"JAX {jax.__version__} jit(grad)"] = (jax_grad, True)
    return out


def measure(N: int, n: int, threads: int, rounds: int) -> dict:
    import numpy as np

    notes: list[str] = []
    ms = methods(N, n, threads, notes)
    reference = ms["loss_gradient"][0]()
    for name, (f, returns) in ms.items():
        if returns:
            gw, gb = f()
            np.testing.assert_allclose(gw, reference[0], rtol=1e-8, atol=1e-10, err_msg=name)
            assert abs(gb - reference[1]) <= 1e-8 * (1 + abs(reference[1])), name
    # calls per measurement: enough for ~10 ms, so the timer's resolution does not matter
    calls = {}
    for name, (f, _) in ms.items():
        t0 = time.perf_counter()
        f()
        calls[name] = max(1, int(1e-2 / max(time.perf_counter() - t0, 1e-7)))
    times = {name: [] for name in ms}
    for _ in range(rounds):  # interleaved: every method once per round
        for name, (f, _) in ms.items():
            k = calls[name]
            t0 = time.perf_counter()
            for _ in range(k):
                f()
            times[name].append((time.perf_counter() - t0) / k)
    return {"N": N, "n": n, "threads": threads, "notes": notes,
            "median": {name: statistics.median(t) for name, t in times.items()}}


def report(results: list[dict]) -> str:
    lines = []
    for r in results:
        med = r["median"]
        limit, lg = med["two-pass limit"], med["loss_gradient"]
        lines.append(f"\n### N = {r['N']:,}, n = {r['n']}, {r['threads']} thread(s)\n")
        lines.append("| method | median time | × two-pass limit | × loss_gradient |")
        lines.append("|---|---:|---:|---:|")
        for name, t in med.items():
            unit = f"{t * 1e6:.1f} µs" if t < 1e-3 else f"{t * 1e3:.2f} ms"
            lines.append(f"| {name} | {unit} | {t / limit:.2f} | {t / lg:.2f} |")
        bare = med["bare formula"]
        lines.append(f"\nchecks and blocking add {100 * (lg / bare - 1):+.0f}% to the bare formula")
        for note in r["notes"]:
            lines.append(f"- {note}")
    return "\n".join(lines)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--threads", type=int, nargs="*", default=[1, 2])
    parser.add_argument("--sizes", nargs="*", default=None, help="e.g. 1000x10 1000000x100")
    parser.add_argument("--rounds", type=int, default=9)
    parser.add_argument("--quick", action="store_true", help="the two small sizes only")
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    sizes = ([tuple(int(float(p)) for p in s.split("x")) for s in args.sizes] if args.sizes
             else SIZES[:2] if args.quick else SIZES)
    if args.worker:  # one thread count, in a fresh process; prints JSON
        results = [measure(N, n, args.threads[0], args.rounds) for N, n in sizes]
        print(json.dumps(results))
        return
    import numpy as np
    print(f"numpy {np.__version__}, Python {sys.version.split()[0]}, "
          f"{os.cpu_count()} CPUs; load average {os.getloadavg()[0]:.1f}")
    started = time.perf_counter()
    for threads in args.threads:
        cmd = [sys.executable, __file__, "--worker", "--threads", str(threads),
               "--rounds", str(args.rounds), "--sizes", *[f"{N}x{n}" for N, n in sizes]]
        done = subprocess.run(cmd, env=thread_env(threads), capture_output=True, text=True,
                              check=True)
        print(report(json.loads(done.stdout.strip().splitlines()[-1])), flush=True)
    print(f"\ntotal {time.perf_counter() - started:.0f} s; load average now "
          f"{os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
