"""Reading scenario files safely, with every error located by file, line and field.

YAML is untrusted input: it is parsed with PyYAML's safe loader only, refused above a size limit before parsing,
and refused when aliases would expand it beyond a node limit (the "billion laughs" attack). Field errors from the
pydantic models are turned into sentences a trainer can act on.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

from .errors import Issue, ScenarioFileError
from .spec import ScenarioSpec

MAX_BYTES = 256 * 1024
MAX_NODES = 50_000
Loc = tuple[str | int, ...]


def _refuse(file: str, message: str, line: int | None = None, path: str = "") -> ScenarioFileError:
    return ScenarioFileError([Issue("error", message, path=path, line=line, file=file)])


def decode_text(data: bytes | str, file: str) -> str:
    size = len(data.encode("utf-8", errors="replace")) if isinstance(data, str) else len(data)
    if size > MAX_BYTES:
        raise _refuse(file, f"the file is {size:,} bytes; a scenario may be at most {MAX_BYTES:,} bytes (256 KB)")
    if isinstance(data, str):
        return data
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise _refuse(file, f"the file is not UTF-8 text (byte {exc.start} cannot be read)") from None


def _expanded_size(node: yaml.Node, seen: dict[int, int], depth: int = 0) -> int:
    if depth > 200:
        return MAX_NODES + 1
    key = id(node)
    if key in seen:
        return seen[key]
    seen[key] = 1  # guards against recursive aliases
    size = 1
    if isinstance(node, yaml.MappingNode):
        for k, v in node.value:
            size += _expanded_size(k, seen, depth + 1) + _expanded_size(v, seen, depth + 1)
            if size > MAX_NODES:
                break
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            size += _expanded_size(item, seen, depth + 1)
            if size > MAX_NODES:
                break
    seen[key] = size
    return size


def _unreadable_scalar_line(root: yaml.Node) -> int | None:
    probe = yaml.SafeLoader("")
    stack = [root]
    while stack:
        node = stack.pop()
        if isinstance(node, yaml.ScalarNode):
            try:
                probe.construct_object(node)
            except ValueError:
                return node.start_mark.line + 1
        elif isinstance(node, yaml.MappingNode):
            stack.extend(value for pair in node.value for value in pair)
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
    return None


def _index_lines(node: yaml.Node, loc: Loc, lines: dict[Loc, int]) -> None:
    lines.setdefault(loc, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else str(key_node.value)
            lines[(*loc, key)] = key_node.start_mark.line + 1
            _index_lines(value_node, (*loc, key), lines)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _index_lines(item, (*loc, index), lines)


def parse_yaml(text: str, file: str = "<scenario>") -> tuple[Any, dict[Loc, int]]:
    """Parse YAML safely; return the data and a map from each field's path to its line (1-based)."""
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        line = mark.line + 1 if mark is not None else None
        context = ""
        if exc.context and exc.context_mark is not None:
            context = f" ({exc.context} started on line {exc.context_mark.line + 1})"
        raise _refuse(file, f"this is not valid YAML: {exc.problem}{context}", line=line) from None
    except yaml.YAMLError as exc:
        raise _refuse(file, f"this is not valid YAML: {exc}") from None
    if node is None:
        raise _refuse(file, "the file is empty")
    if _expanded_size(node, {}) > MAX_NODES:
        raise _refuse(
            file,
            f"the file expands to more than {MAX_NODES:,} values (aliases repeated too many times); "
            "write the content out or use fewer aliases",
        )
    loader = yaml.SafeLoader("")
    try:
        data = loader.construct_document(node)
    except yaml.constructor.ConstructorError as exc:
        mark = exc.problem_mark
        line = mark.line + 1 if mark is not None else None
        tag = (exc.problem or "").replace("could not determine a constructor for the tag", "").strip()
        raise _refuse(file, f"the tag {tag} is not allowed: scenario files hold plain data only", line=line) from None
    except ValueError as exc:  # e.g. a date such as 2026-13-45
        line = _unreadable_scalar_line(node)
        raise _refuse(file, f"a value could not be read: {exc}", line=line) from None
    finally:
        loader.dispose()
    lines: dict[Loc, int] = {}
    _index_lines(node, (), lines)
    return data, lines


def format_path(loc: Loc) -> str:
    """``('customer', 'facts', 'price', 'say', 0)`` → ``customer.facts.price.say[0]``."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


def line_for(loc: Loc, lines: dict[Loc, int]) -> int | None:
    for end in range(len(loc), -1, -1):
        found = lines.get(loc[:end])
        if found is not None:
            return found
    return None


def _model_at(loc: Loc) -> type[BaseModel] | None:
    """The authored model found by walking field names along ``loc``, for listing allowed keys."""
    model: Any = ScenarioSpec
    for part in loc:
        if not (isinstance(model, type) and issubclass(model, BaseModel)):
            return None
        field = model.model_fields.get(str(part))
        if field is None:
            return None
        model = _inner_model(field.annotation)
    return model if isinstance(model, type) and issubclass(model, BaseModel) else None


def _inner_model(annotation: Any) -> Any:
    stack = [annotation]
    while stack:
        current = stack.pop()
        if isinstance(current, type) and issubclass(current, BaseModel):
            return current
        stack.extend(getattr(current, "__args__", ()))
    return None


def _describe(error: Any, loc: Loc) -> str:
    kind = error["type"]
    given = error.get("input")
    if kind == "extra_forbidden":
        model = _model_at(loc[:-1])
        allowed = f" Allowed here: {', '.join(model.model_fields)}." if model else ""
        return f"'{loc[-1]}' is not a field this scenario format knows (check the spelling).{allowed}"
    if kind == "missing":
        return f"the required field '{loc[-1]}' is missing"
    if kind == "string_type" and isinstance(given, bool):
        word = "true/yes/on" if given else "false/no/off"
        return f"expected text but YAML read {word} as a yes/no value; put the words in quotes"
    if kind == "bool_type":
        return f"expected true or false, got {given!r}"
    if kind in {"int_type", "float_type", "int_parsing", "float_parsing"}:
        return f"expected a number, got {given!r}"
    if kind in {"tuple_type", "list_type"}:
        return f"expected a list (lines starting with '- '), got {type(given).__name__} {given!r}"[:200]
    if kind in {"dict_type", "model_type", "model_attributes_type"}:
        return f"expected a set of 'key: value' fields, got {given!r}"[:200]
    if kind == "too_short":
        return f"needs at least {error.get('ctx', {}).get('min_length', 1)} item(s) here"
    if kind == "string_pattern_mismatch":
        return f"{given!r} is not a valid name here: use lower case letters, digits, '_' or '-', starting with a letter"
    message = str(error["msg"])
    if message.startswith("Value error, "):
        message = message[len("Value error, ") :]
    return message[0].lower() + message[1:] if message else kind


def _clean_loc(loc: Loc) -> Loc:
    return tuple(part for part in loc if part != "[key]")


def iter_field_issues(exc: ValidationError, lines: dict[Loc, int], file: str) -> Iterator[Issue]:
    for error in exc.errors():
        loc = _clean_loc(tuple(error["loc"]))
        yield Issue("error", _describe(error, loc), path=format_path(loc), line=line_for(loc, lines), file=file)


def load_spec(text: str | bytes, file: str = "<scenario>") -> tuple[ScenarioSpec, dict[Loc, int]]:
    """Parse and validate one scenario file's text. Raises :class:`ScenarioFileError` with located issues."""
    data, lines = parse_yaml(decode_text(text, file), file)
    if not isinstance(data, dict):
        raise _refuse(file, "a scenario file must be a set of 'key: value' fields at the top level", line=1)
    try:
        return ScenarioSpec.model_validate(data), lines
    except ValidationError as exc:
        raise ScenarioFileError(list(iter_field_issues(exc, lines, file))) from None


def read_scenario_file(path: str | Path) -> str:
    """Read a file's text, refusing oversized files before reading them whole."""
    file = str(path)
    target = Path(path)
    try:
        size = target.stat().st_size
    except OSError as exc:
        raise _refuse(file, f"cannot read the file: {exc.strerror}") from None
    if size > MAX_BYTES:
        raise _refuse(file, f"the file is {size:,} bytes; a scenario may be at most {MAX_BYTES:,} bytes (256 KB)")
    return decode_text(target.read_bytes(), file)
