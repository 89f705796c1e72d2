"""Who a source rests on: sentences per speaker, and the share resting on anonymous sources.

One summary for every report that shows it (the `sources` JSON document; the terminal prints
the same counts).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from ..model import AttributionKind, Sentence


@dataclass(frozen=True)
class SpeakerCount:
    """How many content sentences one speaker stands behind (speaker None: the reporter)."""

    speaker: str | None
    kind: AttributionKind
    sentences: int


@dataclass(frozen=True)
class SpeakerSummary:
    """Who a source's content sentences are attributed to; how much rests on anonymous ones."""

    speakers: tuple[SpeakerCount, ...]  # most sentences first, then in order of appearance
    attributed: int  # content sentences attributed to anyone but the reporter
    anonymous: int  # of those, sentences resting on an anonymous source

    @property
    def anonymous_share(self) -> float | None:
        """Anonymous among attributed sentences; None when nothing is attributed."""
        return self.anonymous / self.attributed if self.attributed else None


def speaker_summary(sentences: list[Sentence]) -> SpeakerSummary:
    """The summary of a source's attributed content sentences (furniture left out)."""
    counts = Counter(
        (s.attribution.speaker, s.attribution.kind)
        for s in sentences
        if s.furniture is None and s.attribution is not None
    )
    speakers = tuple(
        SpeakerCount(speaker, kind, count) for (speaker, kind), count in counts.most_common()
    )
    attributed = sum(c.sentences for c in speakers if c.kind is not AttributionKind.UNATTRIBUTED)
    anonymous = sum(c.sentences for c in speakers if c.kind is AttributionKind.ANONYMOUS)
    return SpeakerSummary(speakers, attributed, anonymous)
