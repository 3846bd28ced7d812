"""The layout stage: which stretches of a report are its headline, subheads, bylines and credits.

News text as users bring it keeps its furniture: a headline line, subheads
between paragraphs (often glued into the running text when newlines were
lost: "… the chief minister said. Intelligence failure? Pakistani officials
…"), a byline ("By Jane Doe"), a credit line ("Reuters contributed to this
report"). They repeat or frame the story; they are not new facts. This stage
marks them in ``doc.blocks`` (the body is what they leave), so that later
stages can read a headline as a mention of a body event and skip credits.

Rules, by kind:

* **headline**: the first line of a text with more than one line, when it has
  no sentence-final punctuation and at most ``max_headline_words`` words;
* **subhead**: a later line of at most ``max_subhead_words`` words with no
  sentence-final punctuation, or a parsed sentence of at most
  ``max_subhead_words`` words that has no verb (a verbless title such as
  "Intelligence failure?" or "“Intentions”");
* **byline**: a line or sentence that starts "By" and names up to four people;
* **credit**: a sentence that credits reporters ("… contributed to this report",
  "Reporting by …", "Editing by …", a sentence that ends "… contributed", perhaps
  with an e-mail address);
* **dateline**: the place (and agency) a report opens with, "(Washington)",
  "WASHINGTON (AP) —", "KABUL, Afghanistan —".
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from pydantic import Field

from ...pipeline.document import Document
from ...pipeline.registry import StageSettings, stages
from ...records import Block

if TYPE_CHECKING:
    from spacy.tokens import Span

    from ...resources import Resources

__all__ = ["LayoutSettings", "LayoutStage", "make_layout"]

_FINAL = re.compile(r"[.!?;:][\"”’)\]]*\s*$")
_BYLINE = re.compile(r"^\s*(?:By|BY)\s+[A-Z][\w.'’-]+(?:\s+(?:[A-Z][\w.'’-]+|and|&|,)){0,8}\s*$")
_CREDIT = re.compile(
    r"contributed (?:to this|reporting)|\bcontributed to (?:this )?(?:story|article)"
    r"|\bcontributed\s*\.?\s*(?:\S+@\S+\s*)?$"  # "Tribune reporter Liam Ford contributed"
    r"|(?:^|\()\s*(?:Reporting|Editing|Writing|Additional reporting) by\b",
    re.I,
)
_LINE = re.compile(r"[^\n]+")
#: "(Washington)", "WASHINGTON (AP) —", "KABUL, Afghanistan —", "LONDON, March 3 (Reuters) -"
_DATELINE = re.compile(
    r"^\s*(?:\([A-Z][\w .'’-]{1,40}\)|[A-Z][A-Z .'’-]{1,40}(?:,[\w .'’-]{1,40})?"
    r"(?:\s*\([A-Z][\w .&'’-]{0,30}\))?\s*[—–_-]{1,2})"  # "(AP)", "(VVNG.com)"; AP's "_"
)


class LayoutSettings(StageSettings):
    """Settings of ``eventwatch.layout.v1``."""

    max_headline_words: int = Field(default=25, ge=1)
    max_subhead_words: int = Field(default=8, ge=1)


class LayoutStage:
    """Stage ``eventwatch.layout.v1``: fills ``doc.blocks``."""

    def __init__(self, settings: LayoutSettings) -> None:
        self.settings = settings

    def __call__(self, doc: Document) -> Document:
        blocks = self._lines(doc.text)
        dateline = _DATELINE.match(doc.text)
        if dateline and not any(b.start == dateline.start() for b in blocks):
            start = len(doc.text) - len(doc.text.lstrip())
            blocks.append(Block(start, _trim(doc.text, start, dateline.end()), "dateline"))
        if doc.parse is not None:
            taken = [(b.start, b.end) for b in blocks]
            for sent in doc.parse.sents:
                kind = self._sentence_kind(sent)
                start, end = sent.start_char, sent.end_char
                if kind and not any(s <= start < e or start <= s < end for s, e in taken):
                    blocks.append(Block(start, _trim(doc.text, start, end), kind))
        doc.blocks = sorted(blocks, key=lambda b: b.start)
        return doc

    def _lines(self, text: str) -> list[Block]:
        lines = [m for m in _LINE.finditer(text) if m.group().strip()]
        blocks = []
        for index, line in enumerate(lines):
            words = line.group().split()
            start, end = line.start(), _trim(text, line.start(), line.end())
            if _BYLINE.match(line.group()):
                blocks.append(Block(start, end, "byline"))
            elif _credit_line(line.group()) and len(words) <= 40:
                blocks.append(Block(start, end, "credit"))
            elif len(lines) > 1 and not _FINAL.search(line.group()):
                limit = self.settings.max_headline_words if index == 0 else 0
                kind = "headline" if index == 0 else "subhead"
                if len(words) <= max(limit, self.settings.max_subhead_words):
                    blocks.append(Block(start, end, kind))
        return blocks

    def _sentence_kind(self, sent: Span) -> str | None:
        text = sent.text
        if _BYLINE.match(text):
            return "byline"
        if _CREDIT.search(text):
            return "credit"
        words = [t for t in sent if not t.is_punct and not t.is_space]
        verbless = not any(t.pos_ in {"VERB", "AUX"} for t in sent)
        if words and verbless and len(words) <= self.settings.max_subhead_words:
            return "subhead"
        return None


#: the end of a sentence inside a line ("… on Friday. Tribune reporter … contributed")
_SENTENCE_END = re.compile(r"[.!?][\"”’)\]]*\s+\S")


def _credit_line(line: str) -> bool:
    """A line that is a credit as a whole; a credit after other sentences of its line is
    found among the sentences, so that those sentences stay the report's."""
    found = _CREDIT.search(line)
    return found is not None and not _SENTENCE_END.search(line, 0, found.start())


def _trim(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


@stages.register(
    "eventwatch.layout.v1",
    settings=LayoutSettings,
    requires=["parse", "sentences"],
    assigns=["blocks"],
)
def make_layout(settings: LayoutSettings, resources: Resources) -> LayoutStage:
    return LayoutStage(settings)
