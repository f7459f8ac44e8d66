#!/usr/bin/env python3
"""Benchmark runner: qjs against node --jitless (or the reference QuickJS) on V8 v7, Octane,
SunSpider and Kraken.

    python3 bench/run.py [--suite v8-v7] [--filter Rich] [--runs 3] [--timeout 120] [--qjs build/qjs]
                         [--reference [QUICKJS]] [--no-node]

--reference runs the reference QuickJS binary (default ../shared/anchors/qjs-quickjs-2025-09-13)
side by side, as the engine the ratio compares against; add --no-node to leave node out.

Unpacks ../shared/bench/bench.tar.xz into build/bench when absent. For each benchmark (in the
suites' LIST order) it runs `qjs --script FILE` and `node --jitless node-script.js FILE` --runs
times, alternating the engines, and reports medians. The ratio is qjs's relative speed (score
qjs/node for higher-is-better suites, time node/qjs for the millisecond suites), so above 1 means
qjs is faster. Per-suite geometric means of the ratios close each suite. The table also goes to
build/bench-results.md as Markdown. A failing or timed-out run shows as "error"/"timeout".
--instructions counts the instructions each engine executes (valgrind --tool=cachegrind
--cache-sim=no), which the machine's load does not disturb. V8 v7 and Octane benchmarks then run a
fixed number of iterations (--iterations, after one warm-up run) instead of their timed loops, and the
ratio is the reference's count over ours (above 1 means qjs executes fewer instructions); SunSpider and
Kraken run once as usual. Expect about 50x the normal run time.
Standard library only.
"""

import argparse
import math
import os
import platform
import re
import statistics
import subprocess
import sys
import tarfile
import time

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SUITES = ["v8-v7", "octane", "sunspider", "kraken"]
HIGHER_IS_BETTER = {"v8-v7": True, "octane": True, "sunspider": False, "kraken": False}
RESULT_LINE = re.compile(r"^\s*([A-Za-z0-9_.\-]+):\s*([0-9]+(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?)\s*(ms)?\s*$")


def parse_args():
    shared = os.environ.get("QJS_SHARED", os.path.join(os.path.dirname(REPO), "shared"))
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--suite", action="append", choices=SUITES, help="suite to run (repeatable; default all)")
    p.add_argument("--filter", action="append", default=[], help="run benchmarks whose name contains this")
    p.add_argument("--runs", type=int, default=3, help="runs per engine and benchmark (default 3)")
    p.add_argument("--timeout", type=float, default=120, help="seconds per run (default 120)")
    p.add_argument("--qjs", default=os.path.join(REPO, "build", "qjs"), help="qjs binary (default build/qjs)")
    p.add_argument("--node", default="node", help="node binary (default: node on PATH)")
    p.add_argument("--no-node", action="store_true", help="do not run node")
    p.add_argument("--reference", nargs="?", const=os.path.join(shared, "anchors", "qjs-quickjs-2025-09-13"),
                   help="also run this QuickJS binary (default: the anchor build); ratios compare against it")
    p.add_argument("--tarball", default=os.path.join(shared, "bench", "bench.tar.xz"))
    p.add_argument("--node-script", default=os.path.join(shared, "bench", "node-script.js"))
    p.add_argument("--bench-dir", default=os.path.join(REPO, "build", "bench"), help="unpacked corpus")
    p.add_argument("--markdown", default=os.path.join(REPO, "build", "bench-results.md"))
    p.add_argument("--instructions", action="store_true",
                   help="count instructions under valgrind's cachegrind instead of timing (node is left out)")
    p.add_argument("--iterations", type=int, default=4,
                   help="with --instructions: runs of each V8/Octane benchmark function (default 4)")
    p.add_argument("-v", "--verbose", action="store_true", help="show each run's result")
    return p.parse_args()


def unpack(args):
    if os.path.isdir(os.path.join(args.bench_dir, "v8-v7")):
        return
    if not os.path.isfile(args.tarball):
        sys.exit(f"bench/run.py: {args.tarball} not found (set QJS_SHARED or --tarball)")
    print(f"unpacking {args.tarball} into {args.bench_dir}")
    os.makedirs(args.bench_dir, exist_ok=True)
    with tarfile.open(args.tarball, "r:xz") as tar:
        tar.extractall(args.bench_dir)


def benchmarks(args):
    suites = args.suite or SUITES
    found = []
    for suite in suites:
        with open(os.path.join(args.bench_dir, suite, "LIST")) as f:
            names = [line.strip() for line in f if line.strip() and not line.startswith("#")]
        for name in names:
            if args.filter and not any(fl in name for fl in args.filter):
                continue
            found.append((suite, name))
    return found


def run_process(command, cwd, timeout, parse):
    """Runs command; parse(proc) gives its {metric: value} results (empty when there are none).
    Returns ("ok", results) or ("error"/"timeout", message)."""
    try:
        proc = subprocess.run(command, cwd=cwd, stdin=subprocess.DEVNULL, capture_output=True,
                              timeout=timeout, text=True, errors="replace")
    except subprocess.TimeoutExpired:
        return "timeout", f"over {timeout:g} s"
    except OSError as e:
        return "error", str(e)
    results = parse(proc)
    if proc.returncode != 0 or not results:
        tail = (proc.stderr.strip() or proc.stdout.strip()).splitlines()[-1:] or [f"exit {proc.returncode}"]
        return "error", f"exit status {proc.returncode}: {tail[0][:200]}"
    return "ok", results


def parse_scores(proc):
    scores = {}
    for line in proc.stdout.splitlines():
        m = RESULT_LINE.match(line)
        if m:
            scores[m.group(1)] = float(m.group(2))
    if len(scores) > 1:
        scores.pop("Score", None)  # the suite total printed after the benchmark's own line
    return scores


def run_once(command, cwd, timeout):
    """Returns ("ok", {metric: value}) or ("error"/"timeout", message)."""
    return run_process(command, cwd, timeout, parse_scores)


# Replaces the V8/Octane timed loop (BenchmarkSuite.RunSuites) with a fixed number of runs.
FIXED_RUNS = """;globalThis.__bench_fixed_runs = function (suiteClass, runner) {
  for (var i = 0; i < suiteClass.suites.length; i++) {
    // As RunStep does: Octane's RegExp checks a checksum of inputs drawn from the seeded Math.random.
    if (typeof suiteClass.ResetRNG === "function") suiteClass.ResetRNG();
    var benchmarks = suiteClass.suites[i].benchmarks;
    for (var j = 0; j < benchmarks.length; j++) {
      var b = benchmarks[j];
      b.Setup();
      for (var n = 0; n < %d; n++) b.run();
      b.TearDown();
      runner.NotifyResult(b.name, 1);
    }
  }
};
"""


def instruction_source(args, suite, path):
    """The file to count: V8/Octane benchmarks get the fixed-run driver, the others run as they are."""
    if suite not in ("v8-v7", "octane"):
        return path
    with open(path, encoding="utf-8", errors="surrogateescape") as f:
        text = f.read()
    if "BenchmarkSuite.RunSuites({" not in text:
        return path
    text = (FIXED_RUNS % (args.iterations + 1)) + text.replace(
        "BenchmarkSuite.RunSuites({", "__bench_fixed_runs(BenchmarkSuite, {")
    out_dir = os.path.join(REPO, "build", "bench-instructions")
    os.makedirs(out_dir, exist_ok=True)
    out = os.path.join(out_dir, suite + "-" + os.path.basename(path))
    with open(out, "w", encoding="utf-8", errors="surrogateescape") as f:
        f.write(text)
    return out


INSTRUCTIONS_LINE = re.compile(r"I\s+refs:\s+([0-9,]+)")


def count_once(command, cwd, timeout, name):
    """Returns ("ok", {name: instructions}) or ("error"/"timeout", message)."""
    full = ["valgrind", "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null"] + command

    def parse(proc):
        m = INSTRUCTIONS_LINE.search(proc.stderr)
        return {name: float(m.group(1).replace(",", ""))} if m else {}
    return run_process(full, cwd, timeout, parse)


def format_count(value):
    if isinstance(value, str):
        return value
    return f"{value / 1e6:.1f} M" if value < 1e9 else f"{value / 1e9:.3f} G"


def format_value(value, higher):
    if isinstance(value, str):
        return value
    if higher:
        return f"{value:.0f}" if value >= 100 else f"{value:.3g}"
    return f"{value:.1f} ms" if value >= 10 else f"{value:.2f} ms"


def show(args, value, higher):
    return format_count(value) if args.instructions else format_value(value, higher)


def geomean(values):
    return math.exp(sum(math.log(v) for v in values) / len(values)) if values else None


class Engine:
    def __init__(self, name, command):
        self.name = name
        self.command = command


def main():
    args = parse_args()
    unpack(args)
    engines = [Engine("qjs", [args.qjs, "--script"])]
    if args.reference:
        engines.append(Engine("quickjs", [args.reference, "--script"]))
    if args.instructions:
        args.no_node = True
        args.runs = 1  # counts do not vary
        if args.timeout == 120:
            args.timeout = 3600
    if not args.no_node:
        engines.append(Engine("node --jitless", [args.node, "--jitless", os.path.abspath(args.node_script)]))
    todo = benchmarks(args)
    if not todo:
        sys.exit("bench/run.py: no benchmark matches")

    started = time.time()
    rows = []  # (suite, metric, {engine: median or "error"/"timeout"}, ratio)
    header = f"{'suite':<10} {'benchmark':<34} " + " ".join(f"{e.name:>15}" for e in engines)
    if len(engines) > 1:
        header += f" {'ratio':>7}"
    print(header)
    for position, (suite, name) in enumerate(todo):
        path = os.path.join(args.bench_dir, suite, name + ".js")
        samples = {e.name: [] for e in engines}  # lists of {metric: value}
        failure = {}
        for run in range(args.runs):
            # Alternate which engine goes first, so neither always runs on a warmer machine.
            order = engines if (run + position) % 2 == 0 else list(reversed(engines))
            for engine in order:
                if engine.name in failure:
                    continue
                cwd = os.path.join(args.bench_dir, suite)
                if args.instructions:
                    status, result = count_once(engine.command + [instruction_source(args, suite, path)], cwd,
                                                args.timeout, name)
                else:
                    status, result = run_once(engine.command + [path], cwd, args.timeout)
                if args.verbose:
                    print(f"    {engine.name} {suite}/{name} run {run + 1}: {status} {result}")
                if status == "ok":
                    samples[engine.name].append(result)
                else:
                    failure[engine.name] = status
                    if args.verbose or engine.name == "qjs":
                        print(f"    {engine.name} {suite}/{name}: {status}: {result}")
        metrics = []
        for engine in engines:
            for sample in samples[engine.name]:
                metrics.extend(m for m in sample if m not in metrics)
        if not metrics:
            metrics = [name]
        higher = HIGHER_IS_BETTER[suite] and not args.instructions
        for metric in metrics:
            medians = {}
            for engine in engines:
                values = [s[metric] for s in samples[engine.name] if metric in s]
                if engine.name in failure:
                    medians[engine.name] = failure[engine.name]
                elif len(values) == len(samples[engine.name]) and values:
                    medians[engine.name] = statistics.median(values)
                else:
                    medians[engine.name] = "missing"
            ratio = None
            if len(engines) > 1:
                q, n = medians[engines[0].name], medians[engines[1].name]
                if not isinstance(q, str) and not isinstance(n, str) and q > 0 and n > 0:
                    ratio = q / n if higher else n / q
            rows.append((suite, metric, medians, ratio))
            line = f"{suite:<10} {metric:<34} " + " ".join(
                f"{show(args, medians[e.name], higher):>15}" for e in engines)
            if len(engines) > 1:
                line += f" {ratio:>7.3f}" if ratio is not None else f" {'-':>7}"
            print(line, flush=True)

    print()
    summary = []
    for suite in args.suite or SUITES:
        suite_rows = [r for r in rows if r[0] == suite]
        if not suite_rows:
            continue
        ratios = [r[3] for r in suite_rows if r[3] is not None]
        mean = geomean(ratios)
        qjs_ok = sum(1 for r in suite_rows if not isinstance(r[2]["qjs"], str))
        summary.append((suite, mean, len(ratios), len(suite_rows), qjs_ok))
        if len(engines) > 1:
            text = f"{mean:.3f}" if mean is not None else "-"
            print(f"{suite:<10} geometric mean of ratios (qjs against {engines[1].name}): {text}"
                  f"  ({len(ratios)} of {len(suite_rows)} compared)")
        else:
            print(f"{suite:<10} qjs ran {qjs_ok} of {len(suite_rows)}")
    elapsed = time.time() - started
    print(f"\n{len(todo)} benchmarks, {args.runs} runs each, {elapsed:.0f} s")
    write_markdown(args, engines, rows, summary, elapsed)
    print(f"wrote {args.markdown}")


def engine_version(command):
    try:
        out = subprocess.run(command + ["--version"], capture_output=True, text=True, timeout=10)
        return (out.stdout.strip() or out.stderr.strip()).splitlines()[0][:80]
    except (OSError, subprocess.TimeoutExpired, IndexError):
        return "?"


def write_markdown(args, engines, rows, summary, elapsed):
    lines = ["# Benchmark results", ""]
    if args.instructions:
        lines.append(f"{time.strftime('%Y-%m-%d %H:%M')}, {platform.machine()}, instructions counted by valgrind's "
                     f"cachegrind; V8/Octane benchmarks run {args.iterations} times after one warm-up run; "
                     f"{elapsed:.0f} s.")
    else:
        lines.append(f"{time.strftime('%Y-%m-%d %H:%M')}, {platform.machine()} with {os.cpu_count()} cores, "
                     f"median of {args.runs} runs, engines alternated benchmark by benchmark, {elapsed:.0f} s.")
    lines.append("")
    qjs = os.path.abspath(args.qjs)
    qjs = os.path.relpath(qjs, REPO) if qjs.startswith(REPO + os.sep) else args.qjs
    lines.append("- qjs: `" + " ".join([qjs] + engines[0].command[1:]) + " FILE`")
    if args.reference:
        lines.append(f"- quickjs: `{args.reference} --script FILE`")
    if not args.no_node:
        lines.append(f"- node --jitless: `{args.node} --jitless node-script.js FILE` ({engine_version([args.node])})")
    if len(engines) > 1:
        if args.instructions:
            lines.append(f"- ratio: {engines[1].name}'s instruction count over qjs's; above 1 means qjs executes fewer.")
        else:
            lines.append(f"- ratio: qjs relative speed against {engines[1].name} (score qjs/other, or time "
                         "other/qjs); above 1 means qjs is faster.")
    lines.append("")
    head = "| suite | benchmark | " + " | ".join(e.name for e in engines) + " |"
    rule = "|---|---|" + "---:|" * len(engines)
    if len(engines) > 1:
        head += " ratio |"
        rule += "---:|"
    lines += [head, rule]
    for suite, metric, medians, ratio in rows:
        higher = HIGHER_IS_BETTER[suite] and not args.instructions
        cells = [show(args, medians[e.name], higher) for e in engines]
        line = f"| {suite} | {metric} | " + " | ".join(cells) + " |"
        if len(engines) > 1:
            line += f" {ratio:.3f} |" if ratio is not None else " - |"
        lines.append(line)
    lines.append("")
    if len(engines) > 1:
        lines += ["| suite | geometric mean ratio | compared |", "|---|---:|---:|"]
        for suite, mean, compared, total, _ in summary:
            lines.append(f"| {suite} | {mean:.3f} | {compared} of {total} |" if mean is not None
                         else f"| {suite} | - | 0 of {total} |")
        lines.append("")
    os.makedirs(os.path.dirname(os.path.abspath(args.markdown)), exist_ok=True)
    with open(args.markdown, "w") as f:
        f.write("\n".join(lines))


if __name__ == "__main__":
    main()
