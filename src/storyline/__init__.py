"""storyline: a sourced, time-resolved ledger of who did what to whom, and who said what, when."""

from storyline.analyze import analyze, analyze_documents
from storyline.model import SCHEMA, Analysis, Document

__version__ = "0.1.0"
__all__ = ["SCHEMA", "Analysis", "Document", "__version__", "analyze", "analyze_documents"]
