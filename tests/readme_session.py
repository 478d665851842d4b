"""Run the console sessions in README.md and compare (or, with --write, refresh) their output.

A session is a ```console block: lines starting with ``$ `` are commands (run with bash from the
repository root, the virtualenv's bin first on PATH, ``STORYLINE_DB`` pointing at a scratch
database); the lines after a command are its expected output. ``...`` in expected output matches
any text within a line, and a line that is only ``...`` matches any number of lines.

    python tests/readme_session.py           # check
    python tests/readme_session.py --write   # run the commands and write their real output back
    python tests/readme_session.py --write --fresh   # … replacing hand-written wildcards too
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
BLOCK = re.compile(r"```console\n(.*?)```", re.S)


def sessions(text: str) -> list[tuple[int, int, list[tuple[str, list[str]]]]]:
    """(start, end, [(command, expected lines)]) for every console block."""
    found = []
    for match in BLOCK.finditer(text):
        steps: list[tuple[str, list[str]]] = []
        for line in match.group(1).splitlines():
            if line.startswith("$ "):
                steps.append((line[2:], []))
            elif steps:
                steps[-1][1].append(line)
        found.append((match.start(1), match.end(1), steps))
    return found


def run(command: str, env: dict[str, str]) -> list[str]:
    result = subprocess.run(["bash", "-o", "pipefail", "-c", command], cwd=ROOT, env=env, capture_output=True,
                            text=True, timeout=600)
    lines = (result.stdout + result.stderr).rstrip("\n").splitlines()
    return [line.rstrip() for line in lines]


def matches(expected: list[str], actual: list[str]) -> bool:
    pattern = "\n".join(
        r"(?:.*\n?)*?" if line.strip() == "..." else re.escape(line.rstrip()).replace(r"\.\.\.", ".*")
        for line in expected
    )
    return re.fullmatch(pattern, "\n".join(actual)) is not None


def environment(scratch: str) -> dict[str, str]:
    env = dict(os.environ)
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}"
    env["STORYLINE_DB"] = str(Path(scratch) / "storyline.db")
    env["COLUMNS"] = "120"
    env["TERM"] = "dumb"
    return env


def check() -> list[str]:
    """Mismatches, as readable messages (empty when the README is right)."""
    problems = []
    with tempfile.TemporaryDirectory() as scratch:
        env = environment(scratch)
        for _, _, steps in sessions(README.read_text(encoding="utf-8")):
            for command, expected in steps:
                actual = run(command, env)
                if not matches(expected, actual):
                    problems.append(f"$ {command}\n--- README\n" + "\n".join(expected) +
                                    "\n--- actual\n" + "\n".join(actual))
    return problems


def write(fresh: bool = False) -> None:
    text = README.read_text(encoding="utf-8")
    with tempfile.TemporaryDirectory() as scratch:
        env = environment(scratch)
        pieces = []
        last = 0
        for start, end, steps in sessions(text):
            body = []
            for command, expected in steps:
                actual = run(command, env)
                # keep hand-written wildcards where the real output still fits them
                body.extend([f"$ {command}", *(expected if matches(expected, actual) and not fresh else actual)])
            pieces.append(text[last:start] + "\n".join(body) + "\n")
            last = end
        pieces.append(text[last:])
    README.write_text("".join(pieces), encoding="utf-8")


if __name__ == "__main__":
    if "--write" in sys.argv:
        write(fresh="--fresh" in sys.argv)
    else:
        failures = check()
        print("\n\n".join(failures) or "README sessions match")
        sys.exit(1 if failures else 0)
