"""A phrase pattern as the list of its alternatives, in the order the regular expression engine tries them.

``\\b(?:oh,? (?:great|lovely)|poor you)\\b`` is tried at each position as ``\\boh,? (?:great|lovely)\\b`` and then
``\\bpoor you\\b``, so the first match of the pattern at a position is the first match there of those two in turn.
Each alternative has its own, sharper needles (see :mod:`scoring.needles`), so a reply is searched only for the few
alternatives whose words it contains (see :class:`scoring.lexicon.Phrase`).

A group's alternatives are spread over the rest of the sequence only where that keeps the engine's order: the
words before the group must match in a single way (literals, classes, ``\\b``, lookarounds, a choice of
zero-width anchors), and the group must be non-capturing and not repeated. Anything this parser does not know
leaves the pattern whole.
"""

from __future__ import annotations

import re
from typing import NamedTuple

MAX_ALTERNATIVES = 400
MAX_NEEDLES = 60

_TOKEN = re.compile(
    r"(?P<literal>(?:[^\\\[\]()|?*+{}.^$]|\\[^A-Za-z0-9])+)"
    r"|(?P<atom>\\[bBdDwWsSAZntrfv]|\\u[0-9a-fA-F]{4}|\.|\^|\$|\[\^?\]?(?:\\.|[^\]\\])*\])"
    r"|(?P<open>\((?:\?:|\?=|\?!|\?<=|\?<!)?)"
    r"|(?P<close>\))|(?P<bar>\|)"
    r"|(?P<quantifier>(?:[?*+]|\{\d*(?:,\d*)?\})[?+]?)"
)
_ESCAPED = re.compile(r"\\(.)")
_UNIT = re.compile(r"\\.|.", re.DOTALL)
_ZERO_WIDTH = frozenset({"^", "$", "\\b", "\\B", "\\A", "\\Z"})
_LOOKAROUND = frozenset({"(?=", "(?!", "(?<=", "(?<!"})


class _Unknown(ValueError):
    """The pattern uses syntax the splitter leaves alone."""


class _Item(NamedTuple):
    """One atom, run of literal characters or group of a pattern, with what the splitter and the needle finder need
    to know about it."""

    source: str  # the whole item, quantifier included
    inner: tuple[tuple[_Item, ...], ...]  # a group's alternatives
    quantifier: str
    literal: str | None  # the characters a run of plain literals matches
    zero_width: bool  # an anchor, a lookaround or a choice of them: consumes nothing
    optional: bool  # may match nothing: quantified by ?, * or {0,...}
    single_way: bool  # matches in at most one way at a position, so what follows is never retried in another order
    spreads: bool  # a non-capturing group of several alternatives, matched once: may be spread over its sequence
    may_be_empty: bool  # can match without consuming a character
    max_width: int | None  # the most characters it can match; None when unbounded


Needle = tuple[str, bool, bool]
"""A string every match holds, and whether a word boundary is sure just before it and just after it."""


class Branch(NamedTuple):
    """One alternative of a pattern: its source, the needles one of which each of its matches holds (None if none
    can be proven), and at most how far after the start of a match a needle begins (None if unknown)."""

    source: str
    needles: frozenset[Needle] | None
    offset: int | None


def _repeat_max(quantifier: str) -> int | None:
    if not quantifier:
        return 1
    if quantifier[0] == "{":
        body = quantifier[1 : quantifier.index("}")]
        if "," not in body:
            return int(body)
        return int(body.split(",")[1]) if body.split(",")[1] else None
    return 1 if quantifier[0] == "?" else None


def _times(width: int | None, repeat: int | None) -> int | None:
    return None if width is None or repeat is None else width * repeat


def _atom(source: str, quantifier: str, literal: str | None) -> _Item:
    zero_width = not quantifier and source in _ZERO_WIDTH
    optional = quantifier[:1] in {"?", "*"} or quantifier.startswith(("{0", "{,"))
    empty = optional or source in _ZERO_WIDTH
    width = 0 if source in _ZERO_WIDTH else _times(len(literal) if literal is not None else 1, _repeat_max(quantifier))
    return _Item(
        source + quantifier,
        (),
        quantifier,
        literal,
        zero_width,
        optional,
        not quantifier,
        False,
        empty,
        width,
    )


def _group(opener: str, inner: tuple[tuple[_Item, ...], ...], quantifier: str) -> _Item:
    source = opener + "|".join("".join(item.source for item in sequence) for sequence in inner) + ")" + quantifier
    if quantifier:
        zero_width = False
    elif opener in _LOOKAROUND:
        zero_width = True
    else:
        zero_width = opener == "(?:" and all(item.zero_width for sequence in inner for item in sequence)
    optional = quantifier[:1] in {"?", "*"} or quantifier.startswith(("{0", "{,"))
    single_way = not quantifier and zero_width
    spreads = opener == "(?:" and not quantifier and len(inner) > 1 and not zero_width
    empty = optional or zero_width or any(_may_be_empty(sequence) for sequence in inner)
    widths = [_width(sequence) for sequence in inner]
    bounded = [width for width in widths if width is not None]
    widest = max(bounded, default=0) if len(bounded) == len(widths) else None
    width = 0 if opener in _LOOKAROUND else _times(widest, _repeat_max(quantifier))
    return _Item(
        source,
        inner,
        quantifier,
        None,
        zero_width,
        optional,
        single_way,
        spreads,
        empty,
        width,
    )


def _width(sequence: tuple[_Item, ...]) -> int | None:
    widths = [item.max_width for item in sequence]
    return None if None in widths else sum(width for width in widths if width is not None)


def _may_be_empty(sequence: tuple[_Item, ...]) -> bool:
    return all(item.may_be_empty for item in sequence)


def _parse(pattern: str) -> tuple[tuple[_Item, ...], ...]:
    """The pattern's top-level alternatives, each a sequence of items."""
    tokens = list(_TOKEN.finditer(pattern))
    if sum(len(token.group()) for token in tokens) != len(pattern):
        raise _Unknown("syntax the tokeniser does not know")
    stack: list[tuple[str, list[tuple[_Item, ...]], list[_Item]]] = [("", [], [])]
    index = 0
    while index < len(tokens):
        token = tokens[index]
        kind, text = token.lastgroup, token.group()
        following = tokens[index + 1] if index + 1 < len(tokens) else None
        quantifier = following.group() if following is not None and following.lastgroup == "quantifier" else ""
        _, sequences, items = stack[-1]
        if kind == "literal":
            units = _UNIT.findall(text)
            if quantifier and len(units) > 1:
                # a quantifier binds the last character only
                head = "".join(units[:-1])
                items.append(_atom(head, "", _ESCAPED.sub(r"\1", head)))
                text = units[-1]
            items.append(_atom(text, quantifier, _ESCAPED.sub(r"\1", text)))
        elif kind == "atom":
            items.append(_atom(text, quantifier, None))
        elif kind == "open":
            stack.append((text, [], []))
            quantifier = ""
        elif kind == "close":
            if len(stack) == 1:
                raise _Unknown("unbalanced")
            opener, sequences, items = stack.pop()
            sequences.append(tuple(items))
            stack[-1][2].append(_group(opener, tuple(sequences), quantifier))
        elif kind == "bar":
            sequences.append(tuple(items))
            items.clear()
            quantifier = ""
        else:
            raise _Unknown("a quantifier with nothing before it")
        index += 2 if quantifier else 1
    if len(stack) != 1:
        raise _Unknown("unclosed group")
    _, sequences, items = stack[0]
    sequences.append(tuple(items))
    return tuple(sequences)


def _spread(items: tuple[_Item, ...], budget: int, start: int = 0) -> list[tuple[_Item, ...]]:
    """One sequence as several, spreading the first group that may be spread, and so on inside each result while
    the number of sequences stays within ``budget``. Items before ``start`` are known to match in one way."""
    for index in range(start, len(items)):
        item = items[index]
        if item.spreads:
            before, after = items[:index], items[index + 1 :]
            shallow = [before + alternative + after for alternative in item.inner]
            if len(shallow) > budget:
                return [items]
            deep = [sequence for part in shallow for sequence in _spread(part, budget, index)]
            return deep if len(deep) <= budget else shallow
        if not item.single_way:
            break
    return [items]


class _Option(NamedTuple):
    needles: frozenset[Needle]
    offset: int | None  # at most how far into a match the needle starts


def _best(options: list[_Option]) -> _Option | None:
    usable = [option for option in options if option.needles and len(option.needles) <= MAX_NEEDLES]
    if not usable:
        return None
    return max(usable, key=lambda option: (min(len(needle[0]) for needle in option.needles), -len(option.needles)))


_EDGES = frozenset({"\\b", "^", "\\A"})
_CLOSERS = frozenset({"\\b", "$", "\\Z"})
_NON_WORD_CLASS = re.compile(r"\\s|\[(?!\^)(?:[^\\\]\w-]|\\[^\w])+\]")  # no ranges: [!-~] holds letters


def _is_word(char: str) -> bool:
    return char.isalnum() or char == "_"


def _edge_after(item: _Item, edge: bool) -> bool:
    """Whether a word boundary is sure after ``item`` (the character before is not a word character, or there is
    none), given whether one was sure before it."""
    if item.zero_width:
        if item.source in _EDGES:
            return True
        if not item.source.startswith("(?:"):
            return edge  # a lookaround, or an anchor that is no boundary
        # a sentence start: a choice of the start and lookbehinds for a space or a newline
        starts = all(
            len(sequence) == 1
            and (sequence[0].source in _EDGES or sequence[0].source.endswith((" )", "\\n)", "\\s)")))
            and not sequence[0].source.startswith(("(?<!", "(?=", "(?!"))
            for sequence in item.inner
        )
        return edge or (bool(item.inner) and starts)
    if item.literal is not None:
        after = not _is_word(item.literal[-1])
    elif not item.inner:
        after = _non_word_atom(item)
    else:
        start = edge and not item.quantifier  # a repeat may start after an earlier round, not after ``edge``
        after = all(_sequence_edge(sequence, start) for sequence in item.inner)
    return after and edge if item.optional else after


def _non_word_atom(item: _Item) -> bool:
    return bool(_NON_WORD_CLASS.fullmatch(item.source[: len(item.source) - len(item.quantifier)]))


def _sequence_edge(sequence: tuple[_Item, ...], edge: bool) -> bool:
    for item in sequence:
        edge = _edge_after(item, edge)
    return edge


def _closes(items: tuple[_Item, ...], start: int, closing: bool) -> bool:
    """Whether a word boundary is sure where ``items[start:]`` begins: an anchor, or a character that is not a word
    character, comes next; or the items end and ``closing`` says one follows them."""
    for item in items[start:]:
        if item.source in _CLOSERS:
            return True
        if item.zero_width:
            continue
        if item.optional:
            return False
        if item.literal is not None:
            return not _is_word(item.literal[0])
        return not item.inner and _non_word_atom(item)
    return closing


_Known = dict[tuple[int, bool, bool], "_Option | None"]  # a group's needles by id and context: groups recur


def _needles(items: tuple[_Item, ...], known: _Known, edge: bool = False, closing: bool = False) -> _Option | None:
    """Strings one of which every match of the sequence holds: its longest run of required literal characters,
    or the needles of every alternative of a required group; where they start, and the word boundaries around them.

    ``edge`` and ``closing`` say whether a word boundary is sure before and after the sequence.
    """
    options: list[_Option] = []
    run: list[str] = []
    before: int | None = 0  # the most characters the items so far can match
    run_offset: int | None = 0
    run_left = False
    run_right = False  # a boundary anchor follows the run's last character

    def close_run(right: bool) -> None:
        if run:
            options.append(_Option(frozenset([("".join(run), run_left, right or run_right)]), run_offset))
            run.clear()

    for index, item in enumerate(items):
        if item.zero_width:
            edge = _edge_after(item, edge)
            run_right = run_right or item.source in _CLOSERS
            continue  # an anchor or lookaround consumes nothing
        if item.optional:
            close_run(False)
        elif item.literal is not None:
            if not run:
                run_offset, run_left = before, edge
            run.append(item.literal)
            run_right = False
            if item.quantifier:
                close_run(False)
        else:
            close_run(not item.inner and _non_word_atom(item))
            if item.inner and not item.source.startswith(("(?=", "(?!", "(?<")):
                group = _group_needles(item, known, edge, _closes(items, index + 1, closing))
                if group is not None:
                    offset = None if before is None or group.offset is None else before + group.offset
                    options.append(_Option(group.needles, offset))
        before = None if before is None or item.max_width is None else before + item.max_width
        edge = _edge_after(item, edge)
    close_run(closing)
    return _best(options)


def _group_needles(item: _Item, known: _Known, edge: bool, closing: bool) -> _Option | None:
    """The needles of a required group: every alternative's, with the furthest offset among them."""
    key = (id(item), edge, closing)
    if key not in known:
        start, end = (edge, closing) if not item.quantifier else (False, False)
        found = [_needles(sequence, known, start, end) for sequence in item.inner]
        union: _Option | None = None
        if all(option is not None for option in found):
            options = [option for option in found if option is not None]
            offsets = [option.offset for option in options]
            offset = None if None in offsets else max(offset for offset in offsets if offset is not None)
            union = _Option(frozenset().union(*(option.needles for option in options)), offset)
        known[key] = union
    return known[key]


def alternatives(pattern: str) -> tuple[Branch, ...]:
    """The pattern's alternatives in the order they are tried, each with its needles; the pattern alone (with its
    needles, if any) when it cannot be split.

    >>> [alternative.source for alternative in alternatives("(?:sorry|apologies) for|my fault")]
    ['sorry for', 'apologies for', 'my fault']
    """
    try:
        top = _parse(pattern)
    except _Unknown:
        return (Branch(pattern, None, None),)
    spread = [sequence for alternative in top for sequence in _spread(alternative, MAX_ALTERNATIVES)]
    if len(spread) > MAX_ALTERNATIVES * 4:
        spread = list(top)
    if any(_may_be_empty(sequence) for sequence in spread):
        # a match may be empty, which the engine treats specially: keep the pattern whole
        return (_branch(pattern, _needles(top[0], {}) if len(top) == 1 else None),)
    known: _Known = {}  # the items live until this returns, so their ids stay theirs
    return tuple(_branch("".join(item.source for item in sequence), _needles(sequence, known)) for sequence in spread)


def _branch(source: str, option: _Option | None) -> Branch:
    if option is None:
        return Branch(source, None, None)
    return Branch(source, option.needles, option.offset)
