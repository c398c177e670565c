"""Restating the customer's details: two specific words, or a run of three, from their last line echoed back.

"So you were in all day and the photo shows someone else's door" echoes "in all day", "photo" and "door" from
"I was in all day and that photo's of someone else's door" and counts as hearing the customer (rule R56).
"""

from __future__ import annotations

import re
from functools import lru_cache

from .lexicon import stopwords
from .matching import Hit
from .text import Reply

_WORD = re.compile(r"£?\d[\d,.]*|[a-z][a-z'-]*")
MIN_WORDS = 2


@lru_cache(maxsize=16384)  # a pure function of a word; replies share their words
def _stem(word: str) -> str:
    """A light stem, so "tried" echoes "trying" and "heating" echoes "heat": plurals and -ed / -ing endings."""
    word = word.strip("'").removesuffix("'s")
    for suffix in ("ies", "ied", "es", "s"):
        if len(word) > 4 and word.endswith(suffix) and not word.endswith("ss"):
            return word[: -len(suffix)] + ("y" if suffix in {"ies", "ied"} else "")
    for suffix in ("ing", "ed"):
        if len(word) > len(suffix) + 3 and word.endswith(suffix):
            stem = word[: -len(suffix)]
            return stem[:-1] if len(stem) > 3 and stem[-1] == stem[-2] and stem[-1] not in "ls" else stem
    return word


@lru_cache(maxsize=4096)
def customer_details(
    customer_line: str,
) -> tuple[frozenset[str], frozenset[tuple[str, str, str]]]:
    """The specific words of a customer's line (stemmed) and its runs of three words that hold one or a figure."""
    stop = stopwords() | _names(customer_line)
    words = [_stem(w) for w in _WORD.findall(Reply(customer_line).norm)]
    # sums of money are left out: an offer repeats the amount asked for without restating anything
    specific = frozenset(w for w in words if w not in stop and len(w) >= 4 and not w[0].isdigit() and w[0] != "£")
    # a run with a sum of money and nothing else specific ("the full £64.99") is an offer repeating the amount
    runs = frozenset(
        (a, b, c)
        for a, b, c in zip(words, words[1:], words[2:], strict=False)
        if ({a, b, c} & specific or any(w[0].isdigit() for w in (a, b, c))) and not any(w[0] == "£" for w in (a, b, c))
    )
    return specific, runs


_NAME = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-z]+(?:'s)?\b")


def _names(customer_line: str) -> frozenset[str]:
    """Capitalised words inside the customer's sentences: names, which a greeting repeats without hearing anything."""
    return frozenset(_stem(m.group().lower()) for m in _NAME.finditer(customer_line.replace("\u2019", "'")))


def echoes(reply: Reply, customer_line: str) -> list[Hit]:
    """Spans of the reply that restate the customer's specific details, or [] when too few are echoed."""
    if not customer_line.strip():
        return []
    specific, runs = customer_details(customer_line)
    if not specific and not runs:
        return []
    found = [(m.start(), m.end(), _stem(m.group())) for m in _WORD.finditer(reply.norm)]
    hits = [Hit(start, end, "echo", "") for start, end, word in found if word in specific]
    distinct = {word for _, _, word in found if word in specific}
    run = [
        Hit(a[0], c[1], "echo", "")
        for a, b, c in zip(found, found[1:], found[2:], strict=False)
        if (a[2], b[2], c[2]) in runs
    ]
    if run:
        return run
    if len(distinct) >= MIN_WORDS:
        return hits
    return []
