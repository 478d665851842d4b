from __future__ import annotations

import re

import pytest

from tests import readme_session
from tests.conftest import ROOT, SHARED

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_quick_start_is_exactly_make_demo_and_make_test() -> None:
    quick = README.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    commands = re.findall(r"^(make \w+)$", quick, flags=re.M)
    assert commands == ["make demo", "make test"]


def test_readme_links_the_contract_documents() -> None:
    for name in ("docs/contract.md", "docs/cli.md", "docs/errors.md", "docs/analysis-1.schema.json"):
        assert name in README and (ROOT / name).exists()


@pytest.mark.model
def test_readme_sessions_print_what_the_readme_says() -> None:
    if not (SHARED / "seed").exists():
        pytest.skip("../shared/seed is not present")
    problems = readme_session.check()
    assert not problems, "\n\n".join(problems) + "\n\n(refresh with: python tests/readme_session.py --write)"
