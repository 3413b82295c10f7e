#!/usr/bin/env python3
"""Compile-time benchmark: what `#[differentiable]` costs a user's build.

Generates three crates of 101 differentiable functions of about 20 lines each (loops over
slices, float methods, a branch, each function calling the previous one):

* `plain`:  the same functions without the attribute (the baseline);
* `ad`:     every function under `#[differentiable]` (the default: both modes and second order);
* `ad_o1`:  every function under `#[differentiable(order = 1)]` (no second order).

Each crate has a `driver` module behind a feature: `grad` calls every `_grad` (the primal in
`plain`), `jvp` every `_jvp`, `hvp` every `_hvp`. Builds are of the crate alone, after
`touch src/lib.rs`, non-incremental (`CARGO_INCREMENTAL=0`), median of `--runs`; the
incremental row edits one constant in function 50 of an incrementally built crate.

    python3 benches/compile_time/compile_time.py [--runs 5] [--dir /tmp/ad-compile-time] [--quick]
    python3 benches/compile_time/compile_time.py --sizes   # the expansion's size and time only

It prints a Markdown table (seconds and the ratio to `plain`; "macro optimised" is `ad` built
with the proc macro at opt-level 3, `[profile.*.build-override]`), then the size and the time of
the expansion per function: the macro run in-process on the generated crate's source by the
`time_env` test of `ad-macros` (release build), lines of `prettyplease` output, and the
macro's time on one ~200-line function (`long_function`, issue 14 asks < 50 ms).
"""

import argparse
import os
import pathlib
import shutil
import statistics
import subprocess
import sys
import time

REPO = pathlib.Path(__file__).resolve().parents[2]
N_FUNCS = 101


def function(i: int, attr: str) -> str:
    """One ~20-line function; function i calls function i - 1."""
    prev = f"    let prev = f{i - 1:03}(x, p * 0.5);\n" if i > 0 else "    let prev = p;\n"
    c = 0.3 + (i % 7) * 0.01
    return f"""{attr}
pub fn f{i:03}(x: &[f64], p: f64) -> f64 {{
{prev}    let mut s = 0.0;
    let mut q = p;
    for i in 0..x.len() {{
        let a = x[i] * q + {c:.2};
        let b = a.sin() * a.cos();
        if b > 0.1 {{
            s += b * b;
        }} else {{
            s += (a * a + 1.0).ln();
        }}
        q = q * 0.9 + a.tanh() * 0.1;
    }}
    let mut t = 0.0;
    for i in 1..x.len() {{
        let d = x[i] - x[i - 1];
        t += d * d * q.exp().min(2.0);
    }}
    s + (t + 1.0).sqrt() * 0.5 + prev * 0.25
}}
"""


def driver(kind: str, plain: bool) -> str:
    """`kind` is grad, jvp or hvp: a function calling that derivative of every function."""
    lines = [f'#[cfg(feature = "{kind}")]', f"pub fn drive_{kind}(x: &[f64], v: &[f64]) -> f64 {{",
             "    let mut acc = 0.0;"]
    for i in range(N_FUNCS):
        if plain:
            lines.append(f"    acc += f{i:03}(x, 0.7);")
        elif kind == "grad":
            lines.append(f"    acc += f{i:03}_grad(x, 0.7).1 .1;")
        elif kind == "jvp":
            lines.append(f"    acc += f{i:03}_jvp(x, 0.7, v, 1.0).1;")
        else:
            lines.append(f"    acc += f{i:03}_hvp(x, 0.7, v, 1.0).2 .1;")
    lines += ["    let _ = v;", "    acc", "}", ""]
    return "\n".join(lines)


def write_crate(root: pathlib.Path, name: str, attr: str):
    src = root / name / "src"
    src.mkdir(parents=True, exist_ok=True)
    plain = attr == ""
    deps = "" if plain else f'ad-runtime = {{ path = "{REPO / "ad-runtime"}" }}\n'
    (root / name / "Cargo.toml").write_text(
        f"""[package]
name = "{name}"
version = "0.0.0"
edition = "2021"
publish = false

[dependencies]
{deps}
[features]
grad = []
jvp = []
hvp = []
""")
    head = "#![allow(clippy::all)]\n" + ("" if plain else "use ad_runtime::differentiable;\n")
    body = "\n".join(function(i, attr) for i in range(N_FUNCS))
    drivers = "\n".join(driver(k, plain) for k in ("grad", "jvp", "hvp"))
    (src / "lib.rs").write_text(head + "\n" + body + "\n" + drivers)


def workspace(root: pathlib.Path):
    (root / "Cargo.toml").write_text(
        '[workspace]\nmembers = ["plain", "ad", "ad_o1"]\nresolver = "2"\n\n'
        "[profile.release]\ndebug = 0\n")
    write_crate(root, "plain", "")
    write_crate(root, "ad", "#[differentiable]")
    write_crate(root, "ad_o1", "#[differentiable(order = 1)]")


def cargo(root, crate, release, feature, incremental, macro_opt=False):
    env = dict(os.environ)
    env["CARGO_INCREMENTAL"] = "1" if incremental else "0"
    env["CARGO_TARGET_DIR"] = str(root / ("target-inc" if incremental else "target"))
    if macro_opt:
        # The proc macro (and syn, quote) built optimised, as README "Compile time" suggests
        # (`[profile.dev.build-override] opt-level = 3`); cargo builds it at opt-level 0 by
        # default, in release builds too.
        env["CARGO_PROFILE_DEV_BUILD_OVERRIDE_OPT_LEVEL"] = "3"
        env["CARGO_PROFILE_RELEASE_BUILD_OVERRIDE_OPT_LEVEL"] = "3"
        env["CARGO_TARGET_DIR"] = str(root / ("target-inc-macro-opt" if incremental
                                              else "target-macro-opt"))
    cmd = ["cargo", "build", "-q", "-p", crate]
    if release:
        cmd.append("--release")
    if feature:
        cmd += ["--features", feature]
    t = time.perf_counter()
    subprocess.run(cmd, cwd=root, env=env, check=True)
    return time.perf_counter() - t


def touch_build(root, crate, release, feature, runs, macro_opt=False):
    cargo(root, crate, release, feature, False, macro_opt)  # warm: dependencies, configuration
    times = []
    for _ in range(runs):
        (root / crate / "src" / "lib.rs").touch()
        times.append(cargo(root, crate, release, feature, False, macro_opt))
    return statistics.median(times)


def edit_build(root, crate, runs, macro_opt=False):
    lib = root / crate / "src" / "lib.rs"
    text = lib.read_text()
    marker = "pub fn f050(x: &[f64], p: f64) -> f64 {"
    assert marker in text
    cargo(root, crate, False, "grad", True, macro_opt)
    times = []
    for k in range(runs):
        # Change one constant of function 50 (alternating, so every edit is a real change).
        new = text.replace(marker + "\n", marker + f"\n    let p = p * {1.0 + (k + 1) * 1e-3};\n", 1)
        assert new != text
        lib.write_text(new)
        times.append(cargo(root, crate, False, "grad", True, macro_opt))
    lib.write_text(text)
    cargo(root, crate, False, "grad", True, macro_opt)
    return statistics.median(times)


def long_function(blocks: int = 11) -> str:
    """One ~200-line function (205 lines with 11 blocks): the ~20-line body above, chained."""
    parts = []
    for k in range(blocks):
        parts.append(f"""    let mut s{k} = 0.0;
    let mut q{k} = acc * 0.5 + p;
    for i in 0..x.len() {{
        let a = x[i] * q{k} + 0.{k + 1};
        let b = a.sin() * a.cos();
        if b > 0.1 {{
            s{k} += b * b;
        }} else {{
            s{k} += (a * a + 1.0).ln();
        }}
        q{k} = q{k} * 0.9 + a.tanh() * 0.1;
    }}
    let mut t{k} = 0.0;
    for i in 1..x.len() {{
        let d = x[i] - x[i - 1];
        t{k} += d * d * q{k}.exp().min(2.0);
    }}
    acc = acc * 0.5 + s{k} + (t{k} + 1.0).sqrt() * 0.5;
""")
    return ("use ad_runtime::differentiable;\n\n#[differentiable]\n"
            "pub fn long(x: &[f64], p: f64) -> f64 {\n    let mut acc = p;\n"
            + "".join(parts) + "    acc\n}\n")


def time_env(path, runs=1):
    """The `time_env` test on `path`: (lines, seconds with printing, seconds of the macro alone),
    the minimum over `runs`."""
    env = dict(os.environ, AD_EXPAND=str(path), AD_SHARE_VERIFY="0")  # as users build: no check
    best = None
    for _ in range(runs):
        out = subprocess.run(
            ["cargo", "test", "-q", "--release", "-p", "ad-macros", "time_env", "--", "--ignored",
             "--nocapture"], cwd=REPO, env=env, capture_output=True, text=True).stdout
        for line in out.splitlines():
            if line.startswith("expanded in"):
                # "expanded in 1.23s: 200000 lines (the macro alone: 456.7ms)"
                def seconds(t):
                    t = t.strip()
                    if t.endswith("ms"):
                        return float(t[:-2]) / 1000
                    if t.endswith("µs"):
                        return float(t[:-2]) / 1e6
                    return float(t[:-1])
                head, _, alone = line.partition(" (the macro alone: ")
                t, n = head[len("expanded in "):].split(": ")
                got = (int(n.split()[0]), seconds(t),
                       seconds(alone.rstrip(")")) if alone else float("nan"))
                if best is None or got[2] < best[2]:
                    best = got
    return best


def sizes(root):
    """Expanded lines and expansion time per function (the macro run in-process), and the
    macro's time on one ~200-line function (issue 14: < 50 ms)."""
    src = (root / "ad" / "src" / "lib.rs").read_text()
    body = "\n".join(l for l in src.splitlines() if not l.startswith("use ") and not l.startswith("#!"))
    tmp = root / "expand_input.rs"
    tmp.write_text(body.split("#[cfg(feature")[0])
    n, secs, macro = time_env(tmp)
    print(f"expansion: {n / N_FUNCS:.0f} lines per ~20-line function (source "
          f"{len(src.splitlines()) / N_FUNCS:.0f} lines); {1000 * macro / N_FUNCS:.1f} ms "
          f"per function for the macro alone (release), {1000 * secs / N_FUNCS:.1f} ms "
          "with parsing and pretty-printing", flush=True)
    long_src = long_function()
    long_path = root / "long_function.rs"
    long_path.write_text(long_src)
    n, secs, macro = time_env(long_path, runs=5)
    print(f"one {len(long_src.splitlines())}-line function: {n} lines expanded, the macro alone "
          f"{1000 * macro:.1f} ms (release, in-process, best of 5)", flush=True)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--dir", default="/tmp/ad-compile-time")
    ap.add_argument("--quick", action="store_true", help="debug rows only")
    ap.add_argument("--sizes", action="store_true",
                    help="only the expansion sizes and the macro's times (no builds)")
    args = ap.parse_args()
    root = pathlib.Path(args.dir)
    if root.exists():
        for name in ("plain", "ad", "ad_o1"):
            shutil.rmtree(root / name, ignore_errors=True)
    root.mkdir(parents=True, exist_ok=True)
    workspace(root)
    if args.sizes:
        sizes(root)
        return

    rows = [("debug, library only", False, None), ("release, library only", True, None),
            ("debug, driver calling every `_grad`", False, "grad"),
            ("release, driver calling every `_grad`", True, "grad"),
            ("debug, driver calling every `_jvp`", False, "jvp"),
            ("release, driver calling every `_jvp`", True, "jvp"),
            ("debug, driver calling every `_hvp`", False, "hvp"),
            ("release, driver calling every `_hvp`", True, "hvp")]
    if args.quick:
        rows = [r for r in rows if not r[1]]
    print("| build | `#[differentiable]` | `order = 1` | macro optimised | without | ratio | "
          "ratio `order = 1` | ratio macro optimised |")
    print("|---|---|---|---|---|---|---|---|")
    for label, release, feature in rows:
        plain = touch_build(root, "plain", release, feature, args.runs)
        ad = touch_build(root, "ad", release, feature, args.runs)
        o1 = (touch_build(root, "ad_o1", release, feature, args.runs)
              if feature != "hvp" else float("nan"))
        mo = touch_build(root, "ad", release, feature, args.runs, macro_opt=True)
        print(f"| {label} | {ad:.2f} s | {o1:.2f} s | {mo:.2f} s | {plain:.2f} s | "
              f"{ad / plain:.1f}x | {o1 / plain:.1f}x | {mo / plain:.1f}x |", flush=True)
    sizes(root)
    plain = edit_build(root, "plain", args.runs)
    ad = edit_build(root, "ad", args.runs)
    o1 = edit_build(root, "ad_o1", args.runs)
    mo = edit_build(root, "ad", args.runs, macro_opt=True)
    print(f"| incremental debug after a one-constant edit (driver `_grad`) | {ad:.2f} s | "
          f"{o1:.2f} s | {mo:.2f} s | {plain:.2f} s | {ad / plain:.1f}x | {o1 / plain:.1f}x | "
          f"{mo / plain:.1f}x |", flush=True)


if __name__ == "__main__":
    sys.exit(main())
