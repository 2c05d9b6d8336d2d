#!/usr/bin/env python3
"""Benchmark: the full PressLens pipeline on the shared corpora, replicated k times.

Usage (from the project root; not part of the test run):
    python3 bench/benchmark.py --runner default|flink|spark --copies 1 2 4
    python3 bench/benchmark.py --runner flink --copies 1 --incremental
    python3 bench/benchmark.py --compare HEAD~1 --pairs 3 --copies 1
    python3 bench/benchmark.py --compare HEAD~1 --pairs 5 --corpus ../shared/corpora/sotu.jsonl.gz --group party
    python3 bench/benchmark.py --compare HEAD~1 --pairs 2 --copies 4 --incremental --new 60
    python3 bench/benchmark.py --copies 1 4 --incremental --new 60 --repeat 3
    python3 bench/benchmark.py --copies 4 --incremental --new 60 --removed 60

With --compare COMMIT, each run is made in pairs: first the README command in a checkout of COMMIT
(a git worktree in the work folder), then in this one, --pairs times, so that both see the
machine in the same phase. --corpus runs a given input (a file, a folder, or "seeds" for the
README command without arguments) instead of the k copies; --group names its outlet field.

With --incremental, each k is run three times with one --cacheDir: first on the corpus without
every 100th document (filling the cache; --new N leaves out N documents spread evenly instead),
then on the whole corpus (the new documents), then on the whole corpus again (nothing new), and with --removed M once more
without M documents of the first run spread evenly (a rerun after removals), all into one output
folder as a scheduled rerun writes; each rerun's share of the first run's
wall time is printed. The first runs of all sizes come first, then the reruns with the new
documents, the sizes taking turns; --repeat R makes R such turns, each rerun starting from a copy
of the cache and output folder its first run left, and prints medians (and, with --new N, the
larger size's rerun against the smallest's turn by turn). With --compare as well, each checkout
makes one first run into a cache of its own, and then the reruns with the new documents
alternate, --pairs times, each starting from a copy of its checkout's cache and output folder as
the first run left them.

For each k it writes one JSON Lines file holding k copies of sotu, brown, austen, finefoods and
reuters (each copy with its own doc_ids, grouped by corpus name; the copies are exact duplicates,
so every run gets --keepDuplicates=true, which counts them in the statistics and makes k copies k
times the work, unless --extra gives a --keepDuplicates of its own), runs
PressLens once and prints wall time, CPU time and peak RSS (GNU time, Maven and the run's JVM
together), documents and running words per second. Then, per stage (ingest, tokenize, entities,
counting, statistics, writing), the seconds its DoFns spent summed over threads (PressLens's
"stages" summary line) with documents and words per second of stage time, and the CPU time no
stage accounts for: the runner's own work (encoding, shuffles, scheduling), JIT and GC. Last, the
run's wall time in consecutive parts that add up to it (PressLens's "wall time" line): start-up
(the JVM and Maven until PressLens starts), options, prepare (output folder, cache state), build
(the pipeline), run, side files (manifest, report.html, GraphML, data dictionary), move into place;
and the pipeline's own time, the seconds of PressLens's summary line (build and run), which
--compare also lists per version.
And the Maven JVM's heap after its collections (-Xlog:gc through MAVEN_OPTS): the largest
occupancy after any collection, an upper bound of the live heap (after a young collection the old
generation still holds objects that died there), and the largest after a full collection, which
holds only live objects; and its pauses for young and full collections, how many and how long in all
(wall time in which no thread of the run works).
"""
import argparse, collections, gzip, json, os, re, shutil, statistics, subprocess, sys, tempfile, time

STAGES = ["ingest", "tokenize", "entities", "counting", "statistics", "writing"]
CORPORA = ["sotu", "brown", "austen_chapters", "finefoods", "reuters_tm_acq_crude"]
# One size of an incremental benchmark: its whole corpus, the folder of its cache and output, the
# first run's wall time and the documents that run left out.
Incremental = collections.namedtuple("Incremental", "corpus state first new")
# One run: its wall time and the pipeline's own seconds (PressLens's summary line).
Run = collections.namedtuple("Run", "wall pipeline")
COMMANDS = {
    # the README command (it builds what changed, so a fresh checkout or another commit runs its own code)
    "default": ["mvn", "-q", "-pl", "pipeline", "-am", "compile", "exec:java", "-Dexec.args={args}"],
    "flink": ["mvn", "-q", "-Pflink", "-pl", "pipeline", "-am", "compile", "exec:exec", "-Dpresslens.args={args}"],
    "spark": ["mvn", "-q", "-Pspark", "-pl", "pipeline", "-am", "compile", "exec:exec", "-Dpresslens.args={args}"],
}

def build_corpus(shared, copies, path, skip_every=0, skip_at=0):
    """k copies of the corpora (returns the number of records); with skip_every=n, every n-th record is left
    out (those whose number modulo n is skip_at)."""
    count = 0
    with gzip.open(path, "wt", encoding="utf-8") as out:
        for k in range(copies):
            for name in CORPORA:
                with gzip.open(os.path.join(shared, name + ".jsonl.gz"), "rt", encoding="utf-8") as f:
                    for line in f:
                        count += 1
                        if skip_every and count % skip_every == skip_at:
                            continue
                        record = json.loads(line)
                        out.write(json.dumps({"doc_id": f"{k}/{name}/{record['doc_id']}", "corpus": name,
                                              "text": record["text"]}) + "\n")
    return count

def main():
    p = argparse.ArgumentParser()
    p.add_argument("--runner", default="default", choices=COMMANDS)
    p.add_argument("--copies", type=int, nargs="+", default=[1, 2, 4])
    p.add_argument("--shared", default="../shared/corpora")
    p.add_argument("--extra", default="", help="more PressLens options (added to --keepDuplicates=true, "
                   "which a --keepDuplicates of their own replaces)")
    p.add_argument("--incremental", action="store_true", help="first run without 1 %% of the documents, then rerun with the cache")
    p.add_argument("--new", type=int, default=0, help="with --incremental: leave out this many documents instead of 1 %%")
    p.add_argument("--removed", type=int, default=0, help="with --incremental: at the end, rerun once more without "
                   "this many documents the first run had, spread evenly (a rerun after removals)")
    p.add_argument("--repeat", type=int, default=1, help="with --incremental (without --compare): rerun with the new "
                   "documents this many times, each from a copy of what the first run left, the sizes taking turns")
    p.add_argument("--keep", action="store_true", help="keep the work folder (corpora, reports, cache) and print its path")
    p.add_argument("--compare", default="", help="also run this commit's README command, in interleaved pairs")
    p.add_argument("--pairs", type=int, default=1, help="with --compare: pairs of runs per input")
    p.add_argument("--corpus", default="", help="run this input instead of k copies of the shared corpora ('seeds': the README command as it is)")
    p.add_argument("--group", default="corpus", help="the outlet field of --corpus")
    a = p.parse_args()
    work = tempfile.mkdtemp(prefix="presslens-bench-")
    try:
        run_all(a, work)
    finally:
        if a.keep:
            print(f"work folder kept: {work}", file=sys.stderr)
        else:
            shutil.rmtree(work, ignore_errors=True)  # corpora, reports and cache: hundreds of MB

def run_all(a, work):
    print("runner,run,documents,words,wall_s,cpu_s,peak_rss_mb,documents_per_s,words_per_s")
    if a.compare:
        baseline = os.path.join(work, "baseline")
        subprocess.run(["git", "worktree", "add", "--detach", baseline, a.compare], check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            compare(a, work, baseline)
        finally:
            subprocess.run(["git", "worktree", "remove", "--force", baseline], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        return
    if a.corpus:
        run_once(a, work, a.corpus, os.path.basename(a.corpus), a.extra)
        return
    states = {}
    total_of = {}
    for k in a.copies:
        corpus = os.path.join(work, f"corpus-{k}x.jsonl.gz")
        total = total_of[k] = build_corpus(a.shared, k, corpus)
        if not a.incremental:
            run_once(a, work, corpus, f"{k}x", a.extra)
            continue
        skip_every = total // a.new if a.new else 100
        partial = os.path.join(work, f"corpus-{k}x-partial.jsonl.gz")
        build_corpus(a.shared, k, partial, skip_every=skip_every)
        state = os.path.join(work, f"state-{k}x")  # the cache and one output folder, as a scheduled rerun keeps them
        first = run_once(a, work, partial, f"{k}x-first", f"{a.extra} --cacheDir={state}/cache", out=f"{state}/out").wall
        if a.repeat > 1:
            # cp -a: the cache's links to the reports stay links
            subprocess.run(["cp", "-a", state, f"{state}-kept"], check=True)
        states[k] = Incremental(corpus, state, first, total // skip_every)
    reruns = {k: [] for k in states}
    for turn in range(a.repeat):  # the sizes take turns, so that each turn sees the machine in one phase
        for k, size in states.items():
            if turn > 0:
                shutil.rmtree(size.state)
                subprocess.run(["cp", "-a", f"{size.state}-kept", size.state], check=True)
            label = f"{k}x-rerun" + (f"-{turn + 1}" if a.repeat > 1 else "")
            reruns[k].append(run_once(a, work, size.corpus, label, f"{a.extra} --cacheDir={size.state}/cache",
                                      out=f"{size.state}/out").wall)
    of = f" (median of {a.repeat})" if a.repeat > 1 else ""
    median = {k: statistics.median(walls) for k, walls in reruns.items()}
    for k, size in states.items():
        again = run_once(a, work, size.corpus, f"{k}x-nothing-new", f"{a.extra} --cacheDir={size.state}/cache",
                         out=f"{size.state}/out").wall
        share = 100 * median[k] / size.first
        print(f"{k}x: rerun with {size.new} new documents{of}: {median[k]:.1f} s = {share:.1f} % of the first run's "
              f"{size.first:.1f} s", flush=True)
        print(f"{k}x: rerun with nothing new: {again:.1f} s = {100 * again / size.first:.1f} % of the first run's "
              f"{size.first:.1f} s", flush=True)
        if a.removed:
            every = total_of[k] // a.removed
            fewer = os.path.join(work, f"corpus-{k}x-removed.jsonl.gz")
            build_corpus(a.shared, k, fewer, skip_every=every, skip_at=every // 2)  # not the new ones: older documents
            removal = run_once(a, work, fewer, f"{k}x-removed", f"{a.extra} --cacheDir={size.state}/cache",
                               out=f"{size.state}/out").wall
            print(f"{k}x: rerun with {total_of[k] // every} documents removed: {removal:.1f} s = "
                  f"{100 * removal / size.first:.1f} % of the first run's {size.first:.1f} s", flush=True)
    smallest = min(states, default=None)
    for k, size in sorted(states.items()):
        if k != smallest and size.new == states[smallest].new:
            # with --new N every size gets as many new documents: the rerun should grow with them, not with the corpus
            turns = ", ".join(f"{large / small:.2f}" for large, small in zip(reruns[k], reruns[smallest]))
            print(f"reruns with {size.new} new documents each: {k}x / {smallest}x = {median[k]:.1f} / "
                  f"{median[smallest]:.1f} s = {median[k] / median[smallest]:.2f}{of}"
                  + (f"; turn by turn {turns}" if a.repeat > 1 else ""), flush=True)

def compare(a, work, baseline):
    """Interleaved pairs: the baseline checkout's run, then this checkout's, for each input."""
    if a.incremental:
        return compare_reruns(a, work, baseline)
    inputs = [(a.corpus, os.path.basename(a.corpus))] if a.corpus else []
    for k in ([] if a.corpus else a.copies):
        corpus = os.path.join(work, f"corpus-{k}x.jsonl.gz")
        build_corpus(a.shared, k, corpus)
        inputs.append((corpus, f"{k}x"))
    for cwd in (baseline, os.getcwd()):  # compile both first, so that no timed run compiles
        subprocess.run(["mvn", "-q", "-pl", "pipeline", "-am", "compile"], cwd=cwd, check=True)
    runs = {"baseline": [], "current": []}
    for corpus, label in inputs:
        for pair in range(a.pairs):
            for version, cwd in (("baseline", baseline), ("current", os.getcwd())):
                runs[version].append(run_once(a, work, corpus, f"{label}-{version}-{pair + 1}", a.extra, cwd))
    for version, values in runs.items():
        print(f"{version}: wall s " + ", ".join(f"{r.wall:.1f}" for r in values)
              + "; pipeline s (the summary line) " + ", ".join(f"{r.pipeline:.1f}" for r in values), flush=True)

def compare_reruns(a, work, baseline):
    """Interleaved reruns: each checkout fills its own cache once from the corpus without the new
    documents and keeps a copy of its output and cache folders; before each timed rerun on the
    whole corpus the copy is put back, so that every rerun starts from the same state."""
    versions = (("baseline", baseline), ("current", os.getcwd()))
    for _, cwd in versions:
        subprocess.run(["mvn", "-q", "-pl", "pipeline", "-am", "compile"], cwd=cwd, check=True)
    walls = {"baseline": [], "current": []}
    for k in a.copies:
        corpus = os.path.join(work, f"corpus-{k}x.jsonl.gz")
        total = build_corpus(a.shared, k, corpus)
        partial = os.path.join(work, f"corpus-{k}x-partial.jsonl.gz")
        build_corpus(a.shared, k, partial, skip_every=total // a.new if a.new else 100)
        for version, cwd in versions:
            state = os.path.join(work, f"{version}-{k}x")
            run_once(a, work, partial, f"{k}x-first-{version}", f"{a.extra} --cacheDir={state}/cache",
                     cwd, out=f"{state}/out")
            # cp -a: the cache's links to the reports stay links
            subprocess.run(["cp", "-a", state, f"{work}/kept-{version}-{k}x"], check=True)
        for pair in range(a.pairs):
            for version, cwd in versions:
                state = os.path.join(work, f"{version}-{k}x")
                shutil.rmtree(state)
                subprocess.run(["cp", "-a", f"{work}/kept-{version}-{k}x", state], check=True)
                walls[version].append(run_once(a, work, corpus, f"{k}x-rerun-{version}-{pair + 1}",
                                               f"{a.extra} --cacheDir={state}/cache", cwd, out=f"{state}/out").wall)
    for version, values in walls.items():
        print(f"{version} reruns: wall s " + ", ".join(f"{w:.1f}" for w in values), flush=True)

def run_once(a, work, corpus, label, extra, cwd=None, out=None):
    """Runs PressLens once (into out, or a folder of its own), prints its figures and stage times; returns
    its wall time and the pipeline's own time (the summary line's seconds: building and running it)."""
    out = out or os.path.join(work, f"out-{a.runner}-{label}")
    # Copies count unless the options say otherwise, whatever else they add.
    keep = "" if "--keepDuplicates" in extra or a.corpus else "--keepDuplicates=true"
    group = a.group if a.corpus else "corpus"
    if corpus == "seeds":
        args = f"--output={out} {extra}".strip()
    else:
        args = f"--input={os.path.abspath(corpus)} --groupField={group} --output={out} {keep} {extra}".strip()
    command = [c.replace("{args}", args) for c in COMMANDS[a.runner]]
    timing = os.path.join(work, "time.txt")
    gc_log = os.path.join(work, f"gc-{label}.log")
    env = dict(os.environ, MAVEN_OPTS=(os.environ.get("MAVEN_OPTS", "") + f" -Xlog:gc:file={gc_log}").strip())
    start = time.time()
    run = subprocess.run(["/usr/bin/time", "-o", timing, "-f", "%U %S %M"] + command, cwd=cwd, env=env,
                         stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    wall = time.time() - start
    if run.returncode != 0:
        sys.exit(f"benchmark: the run of {label} ended with exit code {run.returncode}:\n{run.stdout[-3000:]}")
    user, system, rss = open(timing).read().split()[-3:]
    documents, words = summary_counts(run.stdout)
    cpu = float(user) + float(system)
    print(f"{a.runner},{label},{documents},{words},{wall:.1f},{cpu:.1f},"
          f"{int(rss) // 1024},{documents / wall:.1f},{words / wall:.0f}", flush=True)
    stages = stage_seconds(run.stdout)
    print("  stage,cpu_s_all_threads,documents_per_s,words_per_s")
    for name in STAGES:
        sec = stages.get(name, 0.0)
        rate = (f"{documents / sec:.1f},{words / sec:.0f}") if sec > 0 else ","
        print(f"  {name},{sec:.1f},{rate}")
    print(f"  not in any stage (runner, JIT, GC),{cpu - sum(stages.values()):.1f},,")
    heap = heap_after_collections(gc_log)
    if heap:
        print("  heap after collections MB,largest {:.0f},largest after a full collection {}".format(
            heap[0], "none" if heap[1] is None else f"{heap[1]:.0f}"))
    pauses = collector_pauses(gc_log)
    if pauses:
        print("  collector pauses,{} young {:.1f} s,{} full {:.1f} s".format(
            pauses["Young"][0], pauses["Young"][1], pauses["Full"][0], pauses["Full"][1]))
    parts = wall_parts(run.stdout)
    if parts:
        print("  wall," + ",".join(f"{name} {sec:.1f}" for name, sec in parts.items()), flush=True)
    pipeline = pipeline_seconds(run.stdout)
    print(f"  pipeline (the summary line),{pipeline:.1f}", flush=True)
    return Run(wall, pipeline)

def pipeline_seconds(stdout):
    """The pipeline's own seconds from the summary line 'presslens: ... reports in <folder> (4.9 s)'; 0 without it."""
    for line in stdout.splitlines():
        m = re.match(r"presslens: .* reports in .* \(([0-9.]+) s\)$", line)
        if m:
            return float(m.group(1))
    return 0.0

def collections_in(gc_log):
    """Each collection's kind (Young or Full), heap after it in MB and pause in seconds, from the JVM's
    -Xlog:gc lines such as 'GC(11) Pause Young (Allocation Failure) 901M->168M(1522M) 31.0ms'; None
    without a log."""
    if not os.path.exists(gc_log):
        return None
    units = {"K": 1 / 1024, "M": 1, "G": 1024}
    found = []
    for line in open(gc_log):
        m = re.search(r"Pause (Young|Full) .*?\d+[KMG]->(\d+)([KMG])\(\d+[KMG]\) ([0-9.]+)ms$", line.rstrip())
        if m:
            found.append((m.group(1), int(m.group(2)) * units[m.group(3)], float(m.group(4)) / 1000))
    return found

def heap_after_collections(gc_log):
    """The largest heap occupancy after any collection, and after a full one (None without one), in MB."""
    found = collections_in(gc_log)
    if found is None:
        return None
    fulls = [after for kind, after, _ in found if kind == "Full"]
    return max((after for _, after, _ in found), default=0.0), max(fulls) if fulls else None

def collector_pauses(gc_log):
    """Per kind of collection (Young, Full): how many paused the run and for how many seconds in all."""
    found = collections_in(gc_log)
    if found is None:
        return None
    return {kind: [sum(1 for k, _, _ in found if k == kind), sum(sec for k, _, sec in found if k == kind)]
            for kind in ("Young", "Full")}

def summary_counts(stdout):
    """Documents and running words from the run's summary lines."""
    documents = words = 0
    for line in stdout.splitlines():
        m = re.match(r"presslens: (\d+) documents", line)
        if m:
            documents = int(m.group(1))
        m = re.search(r"; ([0-9,]+) words$", line)
        if line.startswith("presslens: stages") and m:
            words = int(m.group(1).replace(",", ""))
    return documents, words

def wall_parts(stdout):
    """Seconds per part from the line 'presslens: wall time (s): start-up 4.1, options 0.1, ...; total 29.7'."""
    for line in stdout.splitlines():
        if line.startswith("presslens: wall time"):
            return {m.group(1): float(m.group(2)) for m in re.finditer(r"([a-z][a-z -]*?) ([0-9.]+)[,;]?", line.split(":", 2)[2])}
    return {}

def stage_seconds(stdout):
    """Seconds per stage from the line 'presslens: stages (CPU s, all threads): ingest 1.2, ...; N words'."""
    for line in stdout.splitlines():
        if line.startswith("presslens: stages"):
            return {m.group(1): float(m.group(2)) for m in re.finditer(r"([a-z]+) ([0-9.]+)[,;]", line)}
    return {}

if __name__ == "__main__":
    sys.exit(main())
