"""`make bench`: throughput and latency of the portal against its baselines.

In one run, on 127.0.0.1, granian with 2 workers (as in the Procfile), wrk with
32 connections:

  (1) a cached article page          — the full-page cache answers
  (2) an uncached article page       — page cache off (TTDN_PAGE_CACHE_TTL=0)
  (3) the beacon                     — database backend (SQLite), and Redis
  (4) a trivial Django view          — the framework's upper bound
  (5) a static file                  — the limit (whitenoise)
  (6) a bare Wagtail page, uncached  — what a plain Wagtail site does

Each figure is printed with its ratio to (4), and (2) with its ratio to (6).
Targets: (1) ≥ 0.8 × (4); (3) ≥ 0.5 × (4); (2) ≥ 1.0 × (6). Memory (RSS) per
worker is read from /proc. Results go to bench/results/ (JSON and Markdown).

Never part of `make test`. Uses its own databases under var/bench/.
"""

import argparse
import datetime as dt
import json
import os
import platform
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import ExitStack, contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = ROOT / ".venv" / "bin"
PYTHON = BIN / "python"
GRANIAN = BIN / "granian"
VAR = Path(os.environ.get("BENCH_VAR_DIR", ROOT / "var" / "bench"))
RESULTS = ROOT / "bench" / "results"
BEACON_SCRIPT = ROOT / "bench" / "wrk_beacon.lua"
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/15")
ARTICLE = (
    "/thong-tin-doi-ngoai/"
    "day-manh-cong-tac-thong-tin-doi-ngoai-tren-dia-ban-tinh-son-la/"
)
TARGETS = {"cached": ("ok", 0.8), "beacon": ("ok", 0.5), "uncached": ("bare", 1.0)}


def log(message: str) -> None:
    print(message, flush=True)


# --- set-up -------------------------------------------------------------------
def ensure_wrk() -> str:
    found = shutil.which("wrk")
    if found:
        return found
    log("wrk is missing: installing Debian's package (apt-get install -y wrk)…")
    if hasattr(os, "geteuid") and os.geteuid() == 0 and shutil.which("apt-get"):
        subprocess.run(["apt-get", "install", "-y", "wrk"], check=False)
    found = shutil.which("wrk")
    if not found:
        sys.exit("wrk not found. Install it with `sudo apt-get install -y wrk`.")
    return found


def product_env(**extra: str) -> dict:
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DATABASE_URL", "REDIS_URL", "TTDN_ANALYTICS_BACKEND"}
    }
    env.update(
        DJANGO_SETTINGS_MODULE="bench.settings",
        TTDN_VAR_DIR=str(VAR / "product"),
        WAGTAILADMIN_BASE_URL="http://127.0.0.1",
        PYTHONPATH=str(ROOT),
    )
    env.update(extra)
    return env


def plain_env() -> dict:
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL"}}
    env.update(
        DJANGO_SETTINGS_MODULE="bench.plain.settings",
        BENCH_VAR_DIR=str(VAR),
        PYTHONPATH=str(ROOT),
    )
    return env


def run(args: list, env: dict, *, tolerate: str = "") -> str:
    result = subprocess.run(
        [str(a) for a in args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        command = " ".join(map(str, args))
        if tolerate:
            log(f"warning: {command} failed; {tolerate}\n{result.stderr[-600:]}")
            return result.stdout
        sys.exit(f"failed: {command}\n{result.stdout}\n{result.stderr}")
    return result.stdout


def prepare() -> None:
    (VAR / "product").mkdir(parents=True, exist_ok=True)
    (VAR / "plain").mkdir(parents=True, exist_ok=True)
    log("Preparing the product's bench database (var/bench/product)…")
    env = product_env()
    run([PYTHON, "manage.py", "migrate", "--noinput", "-v0"], env)
    manifest = VAR / "product" / "static" / "staticfiles.json"
    run(
        [PYTHON, "manage.py", "collectstatic", "--noinput", "-v0"],
        env,
        tolerate="using the static files collected before" if manifest.exists() else "",
    )
    run([PYTHON, "manage.py", "load_demo"], env)
    log("Preparing the plain Wagtail site (var/bench/plain)…")
    env = plain_env()
    run([PYTHON, "-m", "django", "migrate", "--noinput", "-v0"], env)
    run([PYTHON, "-m", "bench.plain.setup_site"], env)


def counted_hits(env: dict) -> int:
    code = (
        "from ttdn.analytics import services; services.flush_counters(); "
        "from ttdn.analytics.models import DailyStats; "
        "print(sum(DailyStats.objects.values_list('hits', flat=True)))"
    )
    out = run([PYTHON, "manage.py", "shell", "-c", code], env)
    return int(out.strip().splitlines()[-1])


# --- servers --------------------------------------------------------------------
def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def get(url: str, headers: dict | None = None):
    request = urllib.request.Request(url, headers=headers or {})
    with urllib.request.urlopen(request, timeout=10) as response:
        headers = {k.lower(): v for k, v in response.headers.items()}
        return response.status, headers, response.read()


def worker_pids(pid: int) -> list[int]:
    children = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        parent = int(stat.rsplit(")", 1)[1].split()[1])
        if parent == pid:
            children.append(int(entry.name))
    return sorted(children)


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


@contextmanager
def server(target: str, env: dict, ready_path: str, workers: int = 2):
    port = free_port()
    process = subprocess.Popen(
        [
            str(GRANIAN),
            "--interface",
            "wsgi",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--workers",
            str(workers),
            "--blocking-threads",
            "4",
            "--no-access-log",
            "--log-level",
            "warning",
            target,
        ],
        cwd=ROOT,
        env=env,
        start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 90
        while True:
            try:
                if get(base + ready_path)[0] == 200:
                    break
            except OSError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"{target} did not start on {base}")
            time.sleep(0.3)
        yield base, process
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


# --- wrk ------------------------------------------------------------------------
UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def parse_wrk(output: str) -> dict:
    def latency(percent: str) -> float:
        match = re.search(rf"^\s+{percent}%\s+([\d.]+)(us|ms|s)\s*$", output, re.M)
        return float(match.group(1)) * UNITS[match.group(2)] if match else float("nan")

    rps = re.search(r"Requests/sec:\s+([\d.]+)", output)
    total = re.search(r"(\d+) requests in", output)
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    errors = re.search(r"Socket errors: (.*)", output)
    return {
        "rps": float(rps.group(1)) if rps else 0.0,
        "p50_ms": latency("50"),
        "p99_ms": latency("99"),
        "requests": int(total.group(1)) if total else 0,
        "non_2xx": int(non2xx.group(1)) if non2xx else 0,
        "socket_errors": errors.group(1).strip() if errors else "",
    }


def wrk(
    wrk_path: str, url: str, args, *, script: Path | None = None, warmup: bool = True
) -> dict:
    command = [wrk_path, f"-t{args.threads}", f"-c{args.connections}", "--latency"]
    if script:
        command += ["-s", str(script)]
    if warmup:
        subprocess.run(
            [*command, "-d2s", url], capture_output=True, text=True, check=False
        )
    result = subprocess.run(
        [*command, f"-d{args.duration}s", url],
        capture_output=True,
        text=True,
        check=False,
    )
    figures = parse_wrk(result.stdout)
    figures["command"] = " ".join([*command, f"-d{args.duration}s", url])
    return figures


# --- the run --------------------------------------------------------------------
def machine() -> dict:
    cpu = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = ""
    try:
        kb = int(Path("/proc/meminfo").read_text().split()[1])
        memory = f"{kb / 1024 / 1024:.0f} GiB"
    except (OSError, ValueError, IndexError):
        pass
    return {
        "date": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
        "host": platform.node(),
        "os": platform.platform(),
        "python": platform.python_version(),
        "cpu": cpu,
        "cores": os.cpu_count(),
        "memory": memory,
        "load_before": os.getloadavg(),
    }


def redis_answers() -> bool:
    try:
        import redis

        return bool(redis.Redis.from_url(REDIS_URL, socket_timeout=1).ping())
    except Exception:  # any failure: no Redis measurement
        return False


def measure(args) -> dict:
    """Every round measures each case right between two measurements of its
    reference — (4) for the cached page, the beacon and the static file, (6) for
    the uncached article — on servers that all stay up, so a busy moment of a
    shared machine hits case and reference alike. A ratio is the case over the
    mean of its two references; reported figures are medians over the rounds."""
    wrk_path = ensure_wrk()
    if not args.no_prepare:
        prepare()
    results: dict = {"machine": machine(), "rounds": [], "memory": {}}
    with ExitStack() as stack:
        servers = start_servers(stack)
        probe = discover(servers["product"][0])
        for number in range(1, args.rounds + 1):
            log(f"=== round {number} of {args.rounds}")
            results["rounds"].append(measure_round(wrk_path, args, servers, probe))
        for name, (_base, process, _env) in servers.items():
            pids = worker_pids(process.pid)
            results["memory"][name] = [round(rss_mb(pid), 1) for pid in pids]
    results["cases"] = summarise(results["rounds"])
    results["load_after"] = os.getloadavg()
    results["settings"] = {
        "workers": 2,
        "blocking_threads": 4,
        "connections": args.connections,
        "threads": args.threads,
        "duration_s": args.duration,
        "rounds": args.rounds,
    }
    return results


def start_servers(stack) -> dict:
    """name → (base URL, process, environment), all started before measuring."""
    specs = {
        "product": product_env(),
        "product, page cache off": product_env(TTDN_PAGE_CACHE_TTL="0"),
    }
    if redis_answers():
        specs["product, Redis"] = product_env(
            TTDN_ANALYTICS_BACKEND="redis", REDIS_URL=REDIS_URL
        )
    else:
        log(f"Redis at {REDIS_URL} does not answer: the Redis rows are skipped")
    servers = {}
    for name, env in specs.items():
        base, process = stack.enter_context(
            server("ttdn.wsgi:application", env, "/bench/ok/")
        )
        servers[name] = (base, process, env)
    base, process = stack.enter_context(
        server("bench.plain.wsgi:application", plain_env(), "/bare/")
    )
    servers["plain Wagtail"] = (base, process, plain_env())
    return servers


def discover(base: str) -> dict:
    """The beacon URL of the article and a static file, from the page itself."""
    # Each worker has its own local-memory cache and the kernel spreads
    # connections over the workers: ask until a worker answers from its cache.
    for _ in range(20):
        status, headers, html = get(base + ARTICLE)
        if status == 200 and headers.get("x-cache") == "HIT":
            break
    assert status == 200 and headers.get("x-cache") == "HIT", headers
    html = html.decode()
    beacon = re.search(r'data-beacon="([^"]+)"', html).group(1)
    static = re.search(r'href="(/static/css/site\.[0-9a-f]+\.css)"', html).group(1)
    return {"beacon": beacon.replace("&amp;", "&"), "static": static}


def measure_round(wrk_path, args, servers, probe) -> dict:
    """reference, case, reference, case, …, reference: every case lies between
    two measurements of its reference."""
    product = servers["product"][0]
    uncached = servers["product, page cache off"][0]
    bare = servers["plain Wagtail"][0]
    for url in (uncached + ARTICLE, bare + "/bare/"):
        get(url)
    references = {
        "ok": lambda: wrk(wrk_path, product + "/bench/ok/", args),
        "bare": lambda: wrk(wrk_path, bare + "/bare/", args),
    }

    def beacon(base, env):
        def go():
            counted = counted_hits(env)
            result = wrk(
                wrk_path,
                base + probe["beacon"],
                args,
                script=BEACON_SCRIPT,
                warmup=False,  # every request counted: compare with the counts
            )
            result["counted"] = counted_hits(env) - counted
            return result

        return go

    sequence = [
        ("ok", "cached", lambda: wrk(wrk_path, product + ARTICLE, args)),
        ("ok", "static", lambda: wrk(wrk_path, product + probe["static"], args)),
        ("ok", "beacon", beacon(product, servers["product"][2])),
    ]
    if "product, Redis" in servers:
        redis_base, _process, redis_env = servers["product, Redis"]
        sequence += [
            ("ok", "cached_redis", lambda: wrk(wrk_path, redis_base + ARTICLE, args)),
            ("ok", "beacon_redis", beacon(redis_base, redis_env)),
        ]
    sequence.append(
        ("bare", "uncached", lambda: wrk(wrk_path, uncached + ARTICLE, args))
    )
    measured: dict[str, list[dict]] = {"ok": [], "bare": []}
    cases: dict = {}
    last: dict[str, dict] = {}
    for key, case, run_case in sequence:
        before = last.get(key) or references[key]()
        if key not in last:
            measured[key].append(before)
        log(f"  {case}")
        result = run_case()
        after = references[key]()
        measured[key].append(after)
        last[key] = after
        mean = (before["rps"] + after["rps"]) / 2 or 1.0
        result["ratio"] = result["rps"] / mean
        result["reference"] = key
        cases[case] = result
    cases["ok"] = median_case(measured["ok"])
    cases["bare"] = median_case(measured["bare"])
    return {"cases": cases}


def median_case(runs: list[dict]) -> dict:
    return sorted(runs, key=lambda r: r["rps"])[len(runs) // 2]


def summarise(rounds: list[dict]) -> dict:
    """Median rps (with its latencies) and median ratio of every case."""
    summary = {}
    for key in rounds[0]["cases"]:
        runs = [r["cases"][key] for r in rounds if key in r["cases"]]
        middle = median_case(runs)
        entry = {**middle, "rps_rounds": [r["rps"] for r in runs]}
        if "ratio" in middle:
            ratios = sorted(r["ratio"] for r in runs)
            entry["ratio"] = ratios[len(ratios) // 2]
            entry["ratio_rounds"] = [r["ratio"] for r in runs]
        summary[key] = entry
    return summary


LABELS = {
    "cached": "(1) article, cached (local memory)",
    "cached_redis": "(1r) article, cached (Redis)",
    "uncached": "(2) article, uncached",
    "beacon": "(3) beacon, database counters (SQLite)",
    "beacon_redis": "(3r) beacon, Redis counters",
    "ok": "(4) trivial Django view",
    "static": "(5) static file",
    "bare": "(6) bare Wagtail page, uncached",
}


def table(results: dict) -> str:
    """Each case with its ratio to (4) and, for (2), to (6). Ratios of cases
    measured between two references are paired (median over rounds); the others
    are medians over medians."""
    cases = results["cases"]
    ok = cases["ok"]["rps"] or 1.0
    lines = [
        "| Case | req/s | p50 ms | p99 ms | × (4) | × (6) | target |",
        "|---|---:|---:|---:|---:|---:|---|",
    ]
    for key, label in LABELS.items():
        if key not in cases:
            continue
        c = cases[key]
        paired = c.get("reference")
        to_ok = c["ratio"] if paired == "ok" else c["rps"] / ok
        to_bare = c["ratio"] if paired == "bare" else None
        target = ""
        base_key = key.removesuffix("_redis")
        if base_key in TARGETS:
            against, wanted = TARGETS[base_key]
            ratio = to_ok if against == "ok" else to_bare
            target = f"≥ {wanted} × ({'4' if against == 'ok' else '6'}): " + (
                "met" if ratio >= wanted else "**missed**"
            )
        lines.append(
            f"| {label} | {c['rps']:,.0f} | {c['p50_ms']:.2f} | {c['p99_ms']:.2f} "
            f"| {to_ok:.2f} | {'' if to_bare is None else f'{to_bare:.2f}'} "
            f"| {target} |"
        )
    return "\n".join(lines)


def report(results: dict) -> str:
    m = results["machine"]
    memory = "; ".join(
        f"{name}: " + ", ".join(f"{mb:.0f} MB" for mb in workers)
        for name, workers in results["memory"].items()
    )
    s = results["settings"]
    notes = [
        "req/s of each round: "
        + "; ".join(
            f"{key} {', '.join(f'{r:,.0f}' for r in c['rps_rounds'])}"
            for key, c in results["cases"].items()
        ),
        "paired ratio of each round: "
        + "; ".join(
            f"{key} {', '.join(f'{r:.2f}' for r in c['ratio_rounds'])}"
            for key, c in results["cases"].items()
            if "ratio_rounds" in c
        ),
    ]
    for key in ("beacon", "beacon_redis"):
        c = results["cases"].get(key)
        if c:
            notes.append(
                f"{LABELS[key]}: {c['requests']:,} requests completed, "
                f"{c['counted']:,} hits counted (a hit in flight when wrk stops is "
                "counted by the server but not reported by wrk)."
            )
    problems = [
        f"{LABELS[k]}: {c['non_2xx']} non-2xx, socket errors {c['socket_errors']}"
        for k, c in results["cases"].items()
        if c.get("non_2xx") or c.get("socket_errors")
    ]
    return "\n".join(
        [
            f"Date: {m['date']} · {m['cpu']} · {m['cores']} cores · {m['memory']} · "
            f"{m['os']} · Python {m['python']}",
            f"Load average before/after: {m['load_before']} / {results['load_after']}",
            f"granian {s['workers']} workers × {s['blocking_threads']} blocking "
            f"threads; wrk -t{s['threads']} -c{s['connections']} -d{s['duration_s']}s "
            f"--latency (2 s warm-up first); median of {s['rounds']} rounds; each "
            "case measured between two runs of its reference",
            "",
            table(results),
            "",
            f"Memory (RSS per worker, after the runs): {memory}",
            *notes,
            *(["Problems: " + "; ".join(problems)] if problems else []),
        ]
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--duration", type=int, default=8, help="seconds per case")
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--threads", type=int, default=2, help="wrk threads")
    parser.add_argument(
        "--rounds", type=int, default=3, help="repeat all cases; report medians"
    )
    parser.add_argument(
        "--no-prepare", action="store_true", help="skip migrate/load_demo"
    )
    args = parser.parse_args()
    results = measure(args)
    text = report(results)
    log("\n" + text)
    RESULTS.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.now().astimezone().strftime("%Y%m%d-%H%M%S")
    (RESULTS / f"{stamp}.json").write_text(json.dumps(results, indent=2))
    (RESULTS / f"{stamp}.md").write_text(text + "\n")
    log(f"\nSaved bench/results/{stamp}.json and .md")


if __name__ == "__main__":
    main()
