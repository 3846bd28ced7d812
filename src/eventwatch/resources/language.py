"""Which language a text is in: py3langid (BSD; langid.py's model, bundled with the package).

The model loads once per process on first use. It reads only the first
``sample`` characters of a text (a few thousand are plenty) and answers with an
ISO 639-1 code and a normalised probability.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Any

from ..exceptions import ResourceError

__all__ = ["LanguageDetector", "LanguageGuess", "language_name"]

#: English names of the languages news most often comes in, for messages
_NAMES = {
    "ar": "Arabic", "de": "German", "en": "English", "es": "Spanish", "fa": "Persian",
    "fr": "French", "hi": "Hindi", "id": "Indonesian", "it": "Italian", "ja": "Japanese",
    "ko": "Korean", "nl": "Dutch", "pl": "Polish", "pt": "Portuguese", "ru": "Russian",
    "sr": "Serbian", "sq": "Albanian", "sw": "Swahili", "tr": "Turkish", "uk": "Ukrainian",
    "ur": "Urdu", "vi": "Vietnamese", "zh": "Chinese",
}  # fmt: skip


def language_name(code: str) -> str:
    """``French`` for ``fr``; the code itself for a language not in the table."""
    return _NAMES.get(code, code)


@dataclass(frozen=True, slots=True)
class LanguageGuess:
    code: str
    probability: float


class LanguageDetector:
    """``detect(text)`` → :class:`LanguageGuess`; the model is loaded on first use."""

    def __init__(self, *, sample: int = 5000) -> None:
        self.sample = sample
        self._model: Any = None
        self._lock = threading.Lock()

    def __getstate__(self) -> dict[str, Any]:
        return {"sample": self.sample}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__init__(sample=state["sample"])  # type: ignore[misc]

    def detect(self, text: str) -> LanguageGuess:
        code, probability = self._identifier().classify(text[: self.sample])
        return LanguageGuess(str(code), float(probability))

    def _identifier(self) -> Any:
        with self._lock:
            if self._model is None:
                try:
                    from py3langid.langid import MODEL_FILE, LanguageIdentifier
                except ImportError as exc:
                    raise ResourceError(
                        "py3langid is not installed; run `make install`", code="resource-language"
                    ) from exc
                self._model = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
            return self._model
