#!/usr/bin/env python3
"""Side-by-side timing of GAN Studio's `bench` and the PyTorch reference, interleaved in one sitting.

Runs studio, reference, studio, reference, ... (--rounds times each, one workload at a time so both engines
see the same machine state), then prints a Markdown table of the medians over the rounds:
workload | studio ms | PyTorch ms | ratio | studio GFLOP/s | % of matmul ceiling | PyTorch GFLOP/s.

    /usr/bin/python3 src/bench/compare.py --jar target/ganstudio.jar --rounds 3 --iters 30 --warmup 5 --threads 2

Copy the jar (with its lib/ folder) elsewhere first if you will rebuild while this runs.
"""
import argparse, os, re, statistics, subprocess, sys

HERE = os.path.dirname(os.path.abspath(__file__))
ALL = "dcgan-gan,dcgan-wgan,dcgan-wgan-gp,mlp2d-wgan-gp,classifier-fashion"
LINE = re.compile(r"^(\S+)\t([\d.]+) ms/(?:iter|op)\t(?:[\d.]+ samples/s\t)?([\d.]+) GFLOP/s(?:.*?([\d.]+) cpu-ms/iter)?")


def parse(text):
    rows = {}
    for line in text.splitlines():
        m = LINE.match(line)
        if m:
            rows[m.group(1)] = (float(m.group(2)), float(m.group(3)), float(m.group(4) or "nan"))
    return rows


def run(cmd):
    print("$ " + " ".join(cmd), file=sys.stderr, flush=True)
    p = subprocess.run(cmd, capture_output=True, text=True)
    sys.stderr.write(p.stdout)
    if p.returncode != 0:
        sys.stderr.write(p.stderr)
        raise SystemExit(f"{cmd[0]} exited with {p.returncode}")
    return parse(p.stdout)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--jar", default="target/ganstudio.jar")
    p.add_argument("--java", default="java")
    p.add_argument("--python", default="/usr/bin/python3")
    p.add_argument("--workloads", default=ALL)
    p.add_argument("--rounds", type=int, default=2)
    p.add_argument("--iters", type=int, default=30)
    p.add_argument("--warmup", type=int, default=5)
    p.add_argument("--threads", type=int, default=2)
    a = p.parse_args()
    common = ["--iters", str(a.iters), "--warmup", str(a.warmup), "--threads", str(a.threads)]
    studio, torch = {}, {}
    load = open("/proc/loadavg").read().split()[:3] if os.path.exists("/proc/loadavg") else ["n/a"]
    for r in range(a.rounds):
        for w in a.workloads.split(","):
            for into, cmd in ((studio, [a.java, "-jar", a.jar, "bench", "--workloads", w] + common),
                              (torch, [a.python, os.path.join(HERE, "pytorch_reference.py"), "--workloads", w]
                               + common)):
                for name, v in run(cmd).items():
                    into.setdefault(name, []).append(v)
    end = open("/proc/loadavg").read().split()[:3] if os.path.exists("/proc/loadavg") else ["n/a"]
    med = lambda xs, i: statistics.median(x[i] for x in xs)
    ceiling = med(studio["matmul"], 1)
    print(f"load average {' '.join(load)} at the start, {' '.join(end)} at the end; {a.rounds} round(s), "
          f"{a.iters} iterations after {a.warmup} warm-up, {a.threads} threads")
    print(f"matmul ceiling (2048^3 fp32): studio {ceiling:.1f} GFLOP/s, PyTorch {med(torch['matmul'], 1):.1f} GFLOP/s")
    print()
    print("| workload | studio ms/iter | PyTorch ms/iter | ratio | studio GFLOP/s | % of matmul | PyTorch GFLOP/s "
          "| studio cpu-ms | PyTorch cpu-ms |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for w in a.workloads.split(","):
        if w not in studio or w not in torch:
            continue
        s, t = med(studio[w], 0), med(torch[w], 0)
        print(f"| {w} | {s:.1f} | {t:.1f} | {s / t:.2f} | {med(studio[w], 1):.1f} | "
              f"{100 * med(studio[w], 1) / ceiling:.0f}% | {med(torch[w], 1):.1f} | {med(studio[w], 2):.0f} | "
              f"{med(torch[w], 2):.0f} |")


if __name__ == "__main__":
    main()
