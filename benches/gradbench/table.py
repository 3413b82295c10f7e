#!/usr/bin/env python3
"""Markdown table from the logs `run.sh` leaves in OUT: r<round>-<tool>.jsonl, the message /
response logs `gradbench run -o` writes (one JSON object per line, `{"message": ...}` then
`{"response": ...}`).

Per evaluate message the time is the mean of the tool's "evaluate" timings (gradbench's own
statistic: `ScorerClassic` in its `crates/gradbench/src/stats.rs`); across rounds the median of
those means. Ratios are per round and then the median, with the range over rounds in
parentheses. On a loaded machine means scatter; the column "min" is the ratio of the fastest
single calls over all rounds, which contention can only slow. An output counts as validated when the eval's "analysis" message for it says
`"valid": true` (gradbench compares it with its C++ `manual` tool, rtol 1e-4). Logs of further
tools add columns: their jacobian time and their times / those of the tool they vary
(`ours_ftz` / `ours`, `manual_ftz` / `manual`; any other / `ours`).

    python3 table.py OUT
"""

import json
import re
import statistics
import sys
from collections import defaultdict
from pathlib import Path

BASE = ("manual", "ours")


def read_log(path):
    """{(description, function): (mean seconds or None, valid or None, min seconds or None)}
    of one log."""
    messages, results = {}, {}
    for line in path.read_text().splitlines():
        entry = json.loads(line)
        if "message" in entry:
            msg = entry["message"]
            messages[msg["id"]] = msg
            if msg["kind"] == "analysis":
                key = messages[msg["of"]]["key"]
                results[key] = (results[key][0], msg["valid"], results[key][2])
        else:
            resp = entry["response"]
            msg = messages[resp["id"]]
            if msg["kind"] != "evaluate":
                continue
            key = (msg["description"], msg["function"])
            msg["key"] = key
            ns = [t["nanoseconds"] for t in resp.get("timings") or [] if t["name"] == "evaluate"]
            ok = resp.get("success") and ns
            results[key] = (
                statistics.fmean(ns) * 1e-9 if ok else None,
                None if ok else False,
                min(ns) * 1e-9 if ok else None,
            )
    return results


def fmt_time(s):
    if s is None:
        return "—"
    if s >= 1:
        return f"{s:.2f} s"
    if s >= 1e-3:
        return f"{s * 1e3:.2f} ms"
    return f"{s * 1e6:.1f} µs"


def ratio_cell(values):
    values = [v for v in values if v is not None]
    if not values:
        return "—", None
    med = statistics.median(values)
    if len(values) == 1:
        return f"{med:.2f}", med
    return f"{med:.2f} ({min(values):.2f}–{max(values):.2f})", med


def main():
    out = Path(sys.argv[1])
    # logs[tool][round] = results of read_log
    logs = defaultdict(dict)
    for path in sorted(out.glob("r*-*.jsonl")):
        m = re.fullmatch(r"r(\d+)-(\w+)\.jsonl", path.name)
        if m:
            logs[m.group(2)][int(m.group(1))] = read_log(path)
    extra = sorted(set(logs) - set(BASE))
    tools = (*BASE, *extra)
    rounds = sorted(set.intersection(*(set(logs[t]) for t in tools)))
    if not rounds:
        sys.exit(f"no complete round of logs in {out}")
    descs = {desc for r in rounds for t in tools for (desc, _) in logs[t][r]}
    sizes = sorted(descs, key=lambda s: tuple(int(v) for v in s.split("_")))

    def t(tool, fun, r, desc):
        return logs[tool][r].get((desc, fun), (None, None, None))[0]

    def fastest(tool, fun, desc):
        v = [logs[tool][r].get((desc, fun), (None, None, None))[2] for r in rounds]
        v = [x for x in v if x is not None]
        return min(v) if v else None

    def div(a, b):
        return a / b if a is not None and b else None

    print(
        f"gradbench `gmm` eval, N = {sizes[0].split('_')[2]}: mean time per call "
        f"(gradbench's statistic), median of {len(rounds)} round(s); ratios per round, "
        "median (range).\n"
    )
    head = (
        "| d | K | manual objective | manual jacobian | ours objective | ours jacobian "
        "| **ours / manual: jacobian** | ours / manual: jacobian, min "
        "| ours / manual: objective "
        "| ours jacobian / objective | manual jacobian / objective"
    )
    def ref(x):
        base = x.rsplit("_", 1)[0]
        return base if base in BASE else "ours"

    for x in extra:
        head += f" | {x} jacobian | {x} / {ref(x)}: jacobian | {x} / {ref(x)}: objective"
    head += "".join(f" | validated: {x}" for x in tools) + " |"
    print(head)
    print("| ---: " * (head.count(" | ") + 1) + "|")
    medians = defaultdict(list)
    for desc in sizes:
        d, k, _ = desc.split("_")
        cells = [d, k]
        for tool in BASE:
            for fun in ("objective", "jacobian"):
                v = [t(tool, fun, r, desc) for r in rounds]
                v = [x for x in v if x is not None]
                cells.append(fmt_time(statistics.median(v) if v else None))
        for name, num, den in [
            ("jac", ("ours", "jacobian"), ("manual", "jacobian")),
            ("obj", ("ours", "objective"), ("manual", "objective")),
            ("ours j/o", ("ours", "jacobian"), ("ours", "objective")),
            ("manual j/o", ("manual", "jacobian"), ("manual", "objective")),
        ] + [
            r
            for x in extra
            for r in [
                (f"{x} j", None, None),
                (f"{x} jac", (x, "jacobian"), (ref(x), "jacobian")),
                (f"{x} obj", (x, "objective"), (ref(x), "objective")),
            ]
        ]:
            if num is None:
                v = [t(name[:-2], "jacobian", r, desc) for r in rounds]
                v = [y for y in v if y is not None]
                cells.append(fmt_time(statistics.median(v) if v else None))
                continue
            cell, med = ratio_cell([div(t(*num, r, desc), t(*den, r, desc)) for r in rounds])
            cells.append(f"**{cell}**" if name == "jac" else cell)
            if med is not None:
                medians[name].append(med)
            if name == "jac":
                m = div(fastest("ours", "jacobian", desc), fastest("manual", "jacobian", desc))
                cells.append("—" if m is None else f"{m:.2f}")
                if m is not None:
                    medians["jac min"].append(m)
        for tool in tools:
            valid = [
                logs[tool][r].get((desc, fun), (None, None, None))[1]
                for r in rounds
                for fun in ("objective", "jacobian")
            ]
            good = sum(v is True for v in valid)
            cells.append(f"{'yes' if good == len(valid) else '**NO**'} {good}/{len(valid)}")
        print("| " + " | ".join(cells) + " |")
    med = {k: f"{statistics.median(v):.2f}" for k, v in medians.items()}
    row = (
        f"| **median** | | | | | | **{med.get('jac', '—')}** | {med.get('jac min', '—')} "
        f"| {med.get('obj', '—')} "
        f"| {med.get('ours j/o', '—')} | {med.get('manual j/o', '—')}"
    )
    for x in extra:
        row += f" | | {med.get(x + ' jac', '—')} | {med.get(x + ' obj', '—')}"
    print(row + " |" * (len(tools) + 1))
    all_valid = all(
        v[1] is True for tool in tools for r in rounds for v in logs[tool][r].values()
    )
    n_out = sum(len(logs[tool][r]) for tool in tools for r in rounds)
    print(
        f"\nEvery output validated by gradbench: {'yes' if all_valid else 'NO'} "
        f"({n_out} evaluations of {', '.join(tools)}, {len(rounds)} round(s))."
    )


if __name__ == "__main__":
    main()
