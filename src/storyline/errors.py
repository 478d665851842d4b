"""Every error storyline reports, each with a stable code users can search for.

Hierarchy::

    StorylineError                 base; carries .code, .message, .source, .line
    ├── InputError                 one input item is unusable; the rest of the run goes on
    │   ├── E001 empty document
    │   ├── E002 binary content
    │   ├── E003 invalid UTF-8
    │   ├── E004 document too large
    │   ├── E005 broken JSON line
    │   ├── E006 JSON record without text
    │   ├── E007 HTML with no extractable text
    │   ├── E008 unsupported file type
    │   ├── E009 path not found
    │   ├── E010 no publication date
    │   └── E011 invalid publication date
    ├── AnalysisError              E020 the analysis of one document failed
    ├── StoreError                 E030 database unusable, E031 unknown document, E032 newer schema
    └── UsageError                 E040 bad option value

The CLI, the Python API and the logs print the same text: ``[E010] path:3: no publication date …``.
"""

from __future__ import annotations

MESSAGES: dict[str, str] = {
    "E001": "empty document (no text after stripping whitespace)",
    "E002": "binary content, not text",
    "E003": "invalid UTF-8",
    "E004": "document too large",
    "E005": "broken JSON",
    "E006": "JSON record without a 'text' string",
    "E007": "HTML page with no extractable text",
    "E008": "unsupported file type",
    "E009": "path not found",
    "E010": "no publication date: none in the metadata or the text; pass --published",
    "E011": "invalid publication date (expected YYYY-MM-DD)",
    "E020": "analysis failed",
    "E030": "database unusable",
    "E031": "unknown document",
    "E032": "database schema is newer than this storyline",
    "E040": "bad option value",
}


class StorylineError(Exception):
    """Base of all storyline errors: a code, a message and, for input errors, where."""

    code = "E000"

    def __init__(self, code: str, detail: str = "", *, source: str | None = None,
                 line: int | None = None) -> None:
        self.code = code
        self.detail = detail
        self.source = source
        self.line = line
        super().__init__(self.render())

    @property
    def message(self) -> str:
        base = MESSAGES.get(self.code, "error")
        return f"{base}: {self.detail}" if self.detail else base

    def render(self) -> str:
        where = ""
        if self.source:
            where = f"{self.source}:{self.line}: " if self.line else f"{self.source}: "
        return f"[{self.code}] {where}{self.message}"

    def to_dict(self) -> dict[str, object]:
        return {"code": self.code, "message": self.message, "source": self.source, "line": self.line}

    def __reduce__(self) -> tuple[object, ...]:
        # Errors cross process boundaries (``analyze_stream(workers=N)``); the default pickling of an
        # exception replays only the rendered message, which would lose the code and the place.
        return (_rebuild, (type(self), self.code, self.detail, self.source, self.line))


def _rebuild(cls: type[StorylineError], code: str, detail: str, source: str | None,
             line: int | None) -> StorylineError:
    return cls(code, detail, source=source, line=line)


class InputError(StorylineError):
    """One input item cannot be used; the run continues with the next."""


class AnalysisError(StorylineError):
    """The analysis of one document failed."""


class StoreError(StorylineError):
    """The store cannot do what was asked."""


class UsageError(StorylineError):
    """An option or argument has a value storyline cannot use."""
