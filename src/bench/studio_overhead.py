#!/usr/bin/env python3
"""Studio overhead: the same GAN run headless and in the studio with recording on, interleaved in one sitting.

Each round runs headless, then the studio (under xvfb-run, recording the whole window), so both see the same
machine state; ms per iteration comes from each run's metrics.csv, (wall_s[to] - wall_s[from]) / (to - from),
which leaves out start-up, data loading and the first steps' warm-up. Prints a Markdown table: each round, the
pair's difference, the medians, the mean of the pairs and its rough 95% interval.

    /usr/bin/python3 src/bench/studio_overhead.py --jar target/ganstudio.jar --rounds 8

The headless run uses threads=1 because the studio gives a run one core fewer than the machine has (it writes
the count it chose into config.json, which is checked). As a control, --spin F adds a third run per round:
headless again beside a Python busy loop that spins F of the time on another core, the cost any second-core
work has on this machine. Copy the jar (with its lib/ folder) elsewhere first if you will rebuild while this runs.
"""
import argparse, csv, glob, json, math, multiprocessing, os, shutil, statistics, subprocess, sys, tempfile, time


def spin(fraction, stop):
    # 10 ms periods: busy for fraction of each, asleep for the rest; no memory traffic.
    while not stop.is_set():
        t0 = time.perf_counter()
        while time.perf_counter() - t0 < 0.010 * fraction:
            pass
        time.sleep(0.010 * (1 - fraction))


def ms_per_iter(out_dir, start, end):
    files = glob.glob(os.path.join(out_dir, "**", "metrics.csv"), recursive=True)
    if len(files) != 1:
        raise SystemExit(f"expected one metrics.csv under {out_dir}, found {len(files)}")
    wall = {}
    with open(files[0]) as f:
        for row in csv.DictReader(f):
            if row.get("wall_s"):
                wall[int(float(row["step"]))] = float(row["wall_s"])
    if start not in wall or end not in wall:
        raise SystemExit(f"{files[0]} has no rows for steps {start} and {end} (set log.every to divide both)")
    threads = None
    for cfg in glob.glob(os.path.join(out_dir, "**", "config.json"), recursive=True):
        with open(cfg) as f:
            threads = json.load(f).get("threads")
    return 1000 * (wall[end] - wall[start]) / (end - start), threads


def run(cmd, timeout):
    print("$ " + " ".join(cmd), file=sys.stderr, flush=True)
    p = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
    if p.returncode != 0:
        sys.stderr.write(p.stdout + p.stderr)
        raise SystemExit(f"{cmd[0]} exited with {p.returncode}")


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--jar", default="target/ganstudio.jar")
    p.add_argument("--java", default="java")
    p.add_argument("--preset", default="fashion-dcgan")
    p.add_argument("--rounds", type=int, default=8)
    p.add_argument("--from-step", type=int, default=30)
    p.add_argument("--to-step", type=int, default=300)
    p.add_argument("--log-every", type=int, default=10)
    p.add_argument("--spin", type=float, default=None, help="add a headless run beside a busy loop (0..1)")
    p.add_argument("--after", type=int, default=80,
                   help="seconds from Start to the studio's screenshot, which closes it; the run must reach --to-step by then")
    p.add_argument("--timeout", type=int, default=600, help="seconds per run")
    p.add_argument("--keep", help="folder to keep the runs in (default: a temporary one, removed at the end)")
    a = p.parse_args()
    if a.from_step % a.log_every or a.to_step % a.log_every or a.from_step >= a.to_step:
        p.error("--from-step and --to-step must be multiples of --log-every, from < to")
    if a.spin is not None and not 0 < a.spin <= 1:
        p.error("--spin is a fraction in (0, 1]")
    root = os.path.abspath(a.keep or tempfile.mkdtemp(prefix="studio-overhead-"))
    os.makedirs(root, exist_ok=True)
    # Presets resolve against the working directory (models/), so both runs start from the repository root.
    a.jar = os.path.abspath(a.jar)
    os.chdir(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
    # The studio runs past --to-step so its screenshot and the end of recording fall after the timed window.
    studio_steps = a.to_step + 100
    rows = {"headless": [], "studio, recording the whole window": []}
    if a.spin is not None:
        rows[f"headless beside a loop busy {a.spin:.0%}"] = []
    start_load = open("/proc/loadavg").read().split()[:3]
    for r in range(1, a.rounds + 1):
        d = os.path.join(root, f"r{r}-headless")
        run([a.java, "-jar", a.jar, "train", "--preset", a.preset, "--seed", "1", "--steps", str(a.to_step),
             "--set", "threads=1", "--set", f"log.every={a.log_every}", "--out", d], a.timeout)
        rows["headless"].append(ms_per_iter(d, a.from_step, a.to_step)[0])
        d = os.path.join(root, f"r{r}-studio")
        run(["xvfb-run", "-a", "-s", "-screen 0 1400x900x24", a.java, "-jar", a.jar, "studio", "--demo", a.preset,
             "--steps", str(studio_steps), "--set", f"log.every={a.log_every}", "--out", d, "--record", "dashboard",
             "--screenshot", d + ".png", "--after", str(a.after)], a.timeout)
        ms, threads = ms_per_iter(d, a.from_step, a.to_step)
        if threads not in (None, 1):
            print(f"# round {r}: the studio chose {threads} threads, not 1; the pair is not like for like",
                  file=sys.stderr)
        if not glob.glob(os.path.join(d, "**", "*.mp4"), recursive=True) or not os.path.exists(d + ".png"):
            raise SystemExit(f"round {r}: the studio wrote no recording or screenshot under {d}")
        rows["studio, recording the whole window"].append(ms)
        if a.spin is not None:
            stop = multiprocessing.Event()
            spinner = multiprocessing.Process(target=spin, args=(a.spin, stop))
            spinner.start()
            try:
                d = os.path.join(root, f"r{r}-spin")
                run([a.java, "-jar", a.jar, "train", "--preset", a.preset, "--seed", "1", "--steps", str(a.to_step),
                     "--set", "threads=1", "--set", f"log.every={a.log_every}", "--out", d], a.timeout)
                rows[f"headless beside a loop busy {a.spin:.0%}"].append(ms_per_iter(d, a.from_step, a.to_step)[0])
            finally:
                stop.set()
                spinner.join()
        print(f"# round {r}: " + ", ".join(f"{k} {v[-1]:.1f}" for k, v in rows.items()), file=sys.stderr,
              flush=True)
    head, studio = rows["headless"], rows["studio, recording the whole window"]
    pairs = [100 * (s / h - 1) for h, s in zip(head, studio)]
    print(f"{a.preset}, ms per iteration over steps {a.from_step}-{a.to_step}, {a.rounds} interleaved rounds; "
          f"load average {' '.join(start_load)} at the start, "
          f"{' '.join(open('/proc/loadavg').read().split()[:3])} at the end")
    print()
    print("| round | " + " | ".join(str(i) for i in range(1, a.rounds + 1)) + " | median |")
    print("| --- |" + " ---: |" * (a.rounds + 1))
    for name, values in rows.items():
        print(f"| {name} | " + " | ".join(f"{v:.1f}" for v in values) + f" | {statistics.median(values):.1f} |")
    print("| difference, studio vs headless | " + " | ".join(f"{x:+.1f}%" for x in pairs)
          + f" | {statistics.median(pairs):+.1f}% |")
    print()
    by_medians = 100 * (statistics.median(studio) / statistics.median(head) - 1)
    mean = statistics.mean(pairs)
    line = f"by medians {by_medians:+.1f}%; mean of the pairs {mean:+.1f}%"
    if len(pairs) > 1:
        half = 1.96 * statistics.stdev(pairs) / math.sqrt(len(pairs))
        line += f" (sd {statistics.stdev(pairs):.1f} points, 95% interval about {mean - half:+.1f}% to {mean + half:+.1f}%)"
    print(line + f"; {sum(x > 3 for x in pairs)} of {len(pairs)} pairs over +3%")
    for name, values in rows.items():
        if name.startswith("headless beside"):
            print(f"{name}: {100 * (statistics.median(values) / statistics.median(head) - 1):+.1f}% by medians")
    if not a.keep:
        shutil.rmtree(root)


if __name__ == "__main__":
    main()
