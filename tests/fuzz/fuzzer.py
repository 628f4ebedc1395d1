"""Byte-mutation fuzzing of every parser (issue 15), run in a child process by ``test_fuzz.py``.

``python fuzzer.py FORMAT SEED CASES SECONDS CASE_SECONDS OUT_DIR`` renders the
sample release in FORMAT (the bundled ``examples/sample_fr.txt`` for ``text``),
mutates it CASES times with ``random.Random(SEED)`` (stopping early when SECONDS
have passed) and parses every mutant with :func:`communique.parse`.  A case
passes when it returns a release or raises a :class:`~communique.errors.CommuniqueError`
that is not the "internal error" wrapping of an unexpected Python exception,
within CASE_SECONDS.  Failing inputs are written to OUT_DIR; a JSON report goes
to stdout, with the peak RSS of the process.

Mutations: bit flips, bytes set to boundary values, markup characters inserted,
chunks deleted, repeated or swapped, truncation; for DOCX half the cases
mutate one XML part inside the zip (the raw bytes are mostly compressed data).
"""

from __future__ import annotations

import io
import json
import random
import resource
import signal
import sys
import time
import warnings
import zipfile
from pathlib import Path
from typing import Any

TESTS = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(TESTS))

_INTERESTING = (0x00, 0x01, 0x7F, 0x80, 0xFF, 0xFE, 0x0C, 0x0B, 0x85, 0xC3, 0xE2, 0xF0)
_MARKUP = (
    b"<",
    b">",
    b"&",
    b'"',
    b"{",
    b"}",
    b"[",
    b"]",
    b":",
    b",",
    b"\\",
    b"<p>",
    b"</p>",
    b"&#0;",
    b"\\u0000",
    b"\xed\xa0\x80",
    b"%PDF-",
    b"PK\x03\x04",
    b"obj",
    b"R",
    b"9" * 20,
    b"-1",
    b"1e999",
    b"null",
)


class CaseTimeout(BaseException):
    """Raised by the alarm when one case runs past its bound (a BaseException: parsers must not catch it)."""


def sample(fmt: str) -> bytes:
    from builders import headed
    from communique import render

    if fmt == "text":
        return (TESTS.parent / "examples" / "sample_fr.txt").read_bytes()
    return render(headed(), fmt)


def mutate(data: bytes, rng: random.Random, *, most: int = 1000) -> tuple[bytes, str]:
    """One to four random edits of ``data``, and their description (a chunk is repeated at most ``most`` times)."""
    out = bytearray(data)
    done: list[str] = []
    for _ in range(rng.choice((1, 1, 2, 4))):
        if not out:
            out += b"\x00"
        kind = rng.randrange(7)
        at = rng.randrange(len(out))
        if kind == 0:
            out[at] ^= 1 << rng.randrange(8)
            done.append(f"flip@{at}")
        elif kind == 1:
            out[at] = rng.choice(_INTERESTING)
            done.append(f"set@{at}")
        elif kind == 2:
            token = rng.choice(_MARKUP)
            out[at:at] = token
            done.append(f"insert{token[:8]!r}@{at}")
        elif kind == 3:
            size = rng.randrange(1, max(2, len(out) // 8))
            del out[at : at + size]
            done.append(f"delete{size}@{at}")
        elif kind == 4:
            size = rng.randrange(1, max(2, min(len(out) - at, 256)))
            chunk = bytes(out[at : at + size])
            times = rng.choice((2, 10, most))
            out[at:at] = chunk * times
            done.append(f"repeat{size}x{times}@{at}")
        elif kind == 5:
            other = rng.randrange(len(out))
            size = rng.randrange(1, 64)
            a, b = bytes(out[at : at + size]), bytes(out[other : other + size])
            out[at : at + len(a)], out[other : other + len(b)] = b, a
            done.append(f"swap{size}@{at},{other}")
        else:
            del out[at:]
            done.append(f"truncate@{at}")
    return bytes(out), " ".join(done)


def mutate_part(data: bytes, rng: random.Random) -> tuple[bytes, str]:
    """A DOCX with one of its XML parts mutated and the package zipped again (valid CRCs)."""
    with zipfile.ZipFile(io.BytesIO(data)) as src:
        names = [n for n in src.namelist() if n.endswith((".xml", ".rels"))]
        name = rng.choice(names)
        part, how = mutate(src.read(name), rng)
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
            for info in src.infolist():
                dst.writestr(info.filename, part if info.filename == name else src.read(info))
    return out.getvalue(), f"{name}: {how}"


def run(fmt: str, seed: int, cases: int, seconds: float, case_seconds: float, out_dir: Path) -> dict[str, Any]:
    import communique
    from communique import CommuniqueError

    base = sample(fmt)
    rng = random.Random(seed)
    communique.parse(base, fmt)  # warm up: imports and schemas are not a case's time

    def alarm(signum: int, frame: Any) -> None:
        raise CaseTimeout

    signal.signal(signal.SIGALRM, alarm)
    failures: list[dict[str, Any]] = []
    slowest = (0.0, "")
    ran = 0
    start = time.perf_counter()
    while ran < cases and time.perf_counter() - start < seconds:
        if fmt == "docx" and rng.random() < 0.5:
            data, how = mutate_part(base, rng)
        else:
            data, how = mutate(base, rng, most=1000)
        ran += 1
        problem = None
        began = time.perf_counter()
        signal.setitimer(signal.ITIMER_REAL, case_seconds)
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                communique.parse(data, fmt)
        except CaseTimeout:
            problem = f"took more than {case_seconds} s"
        except CommuniqueError as exc:
            # "internal error in the X parser" is how parse() wraps an unexpected exception now;
            # "the X parser failed: <Python exception>" is how it used to.
            if "internal error in the" in str(exc) or "parser failed:" in str(exc):
                cause = exc.__cause__
                problem = f"wrapped {type(cause).__name__}: {cause}"
        except BaseException as exc:
            problem = f"raw {type(exc).__name__}: {exc}"
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
        took = time.perf_counter() - began
        if took > slowest[0]:
            slowest = (took, how)
        if problem is not None:
            name = out_dir / f"{fmt}-{seed}-{ran}.bin"
            name.write_bytes(data)
            failures.append({"case": ran, "mutation": how, "problem": problem[:300], "input": str(name)})
    return {
        "format": fmt,
        "seed": seed,
        "cases": ran,
        "seconds": round(time.perf_counter() - start, 2),
        "slowest": [round(slowest[0], 3), slowest[1]],
        "peak_rss_mb": _peak_rss_mb(),
        "failures": failures,
    }


def _peak_rss_mb() -> int:
    """This process's peak resident memory, in MB.

    Linux's ``VmHWM`` (the high-water mark of this program's memory, reset by exec) rather than
    ``ru_maxrss``: that one survives the exec and starts at the forking parent's size — a test run
    that has grown to 300 MB would make every fuzzer look 300 MB large.
    """
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) // 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024


def main() -> None:
    fmt, seed, cases, seconds, case_seconds, out_dir = sys.argv[1:7]
    # A mutant must not take the machine with it: the address space is capped (a parser that
    # tried to allocate gigabytes fails with MemoryError, reported as a raw exception).
    limit = 3 * 2**30
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    report = run(fmt, int(seed), int(cases), float(seconds), float(case_seconds), Path(out_dir))
    print(json.dumps(report))


if __name__ == "__main__":
    main()
