"""Who said what: quotes, speakers and the events they report."""

from __future__ import annotations

from .stage import QuoteStage, quotation_spans

__all__ = ["QuoteStage", "quotation_spans"]
