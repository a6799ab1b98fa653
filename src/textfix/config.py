"""What a repair run does: which steps run, in which order, with which settings."""

from __future__ import annotations

from typing import Any, Final, Literal, NamedTuple

from textfix.codecs import DOUBLE_BYTE_CODECS, LEGACY_PAIRS, SINGLE_BYTE_CODECS, canonical_name
from textfix.languages import check_languages, effective_legacy_pairs
from textfix.memo import Remembered

Normalization = Literal["NFC", "NFD", "NFKC", "NFKD"]

# Steps run in this order. Escapes and entities are undone first, because mojibake can
# hide inside them; damage repair comes next; style changes and normalization last, so
# that they see the repaired text.
STEP_ORDER: tuple[str, ...] = (
    "remove_terminal_escapes",
    "unescape_html",
    "mojibake",
    "c1_controls",
    "fix_surrogates",
    "remove_control_chars",
    "uncurl_quotes",
    "fix_character_width",
    "fix_latin_ligatures",
    "fix_line_breaks",
    "normalization",
)

# Steps that repair damage: the only ones on by default.
DAMAGE_STEPS = frozenset({"mojibake", "c1_controls"})


class _Settings(NamedTuple):
    """The settings as given; Config checks them and spells codec names as Python does."""

    mojibake: bool = True
    c1_controls: bool = True
    remove_terminal_escapes: bool = False
    unescape_html: bool = False
    fix_surrogates: bool = False
    remove_control_chars: bool = False
    uncurl_quotes: bool = False
    fix_character_width: bool = False
    fix_latin_ligatures: bool = False
    fix_line_breaks: bool = False
    normalization: Normalization | None = None
    threshold: float = 0.92
    max_layers: int = 3
    codecs: tuple[str, ...] = SINGLE_BYTE_CODECS
    double_byte_codecs: tuple[str, ...] = DOUBLE_BYTE_CODECS
    # (original, read-as) pairs for legacy text read with the wrong legacy codepage, tried
    # on any text that looks misread (() turns that off)
    legacy_pairs: tuple[tuple[str, str], ...] = LEGACY_PAIRS
    # the confidence a legacy reading needs without a language hint: every text that looks
    # misread is read then, so the bar is higher than `threshold` (whichever is higher counts)
    legacy_threshold: float = 0.93
    # what the text should be written in ("ru", "pt_BR"); see textfix.languages. With a
    # hint, the legacy pairs are those of these languages' codepages, tried on every text.
    languages: tuple[str, ...] = ()


class Config(_Settings):
    """Settings for fix_text, detect and fix_and_explain (immutable; see with_).

    Only damage repair is on by default. `threshold` is the confidence a repair needs
    before fix_text applies it; the default keeps clean text unchanged.
    """

    __slots__ = ()

    def __new__(cls, *args: Any, **settings: Any) -> Config:
        given = _Settings(*args, **settings)
        if not 0.0 <= given.threshold <= 1.0:
            raise ValueError(f"threshold must be between 0 and 1, not {given.threshold!r}")
        if not 0.0 <= given.legacy_threshold <= 1.0:
            raise ValueError(f"legacy_threshold must be between 0 and 1, not {given.legacy_threshold!r}")
        if not 1 <= given.max_layers <= 8:
            raise ValueError(f"max_layers must be between 1 and 8, not {given.max_layers!r}")
        if given.normalization not in (None, "NFC", "NFD", "NFKC", "NFKD"):
            raise ValueError(f"normalization must be NFC, NFD, NFKC, NFKD or None, not {given.normalization!r}")
        pairs = tuple((canonical_name(a), canonical_name(b)) for a, b in given.legacy_pairs)
        known = {(canonical_name(a), canonical_name(b)) for a, b in LEGACY_PAIRS}
        unsupported = [f"{a}->{b}" for a, b in pairs if (a, b) not in known]
        if unsupported:
            raise ValueError(f"legacy_pairs not supported: {', '.join(unsupported)}")
        if isinstance(given.languages, str):
            raise ValueError(f"languages must be a list of codes, not the string {given.languages!r}")
        checked = given._replace(
            codecs=_supported("codecs", given.codecs, SINGLE_BYTE_CODECS),
            double_byte_codecs=_supported("double_byte_codecs", given.double_byte_codecs, DOUBLE_BYTE_CODECS),
            legacy_pairs=pairs,
            languages=check_languages(tuple(given.languages)),
        )
        return tuple.__new__(cls, checked)

    @property
    def effective_legacy_pairs(self) -> tuple[tuple[str, str], ...]:
        """The legacy pairs to try: those of the hinted languages, or else legacy_pairs."""
        return effective_legacy_pairs(self.languages, self.legacy_pairs)

    def enabled_steps(self) -> tuple[str, ...]:
        return _enabled_steps(self)

    def with_(self, **changes: object) -> Config:
        """A copy with some settings changed: Config().with_(uncurl_quotes=True)."""
        unknown = sorted(set(changes) - set(self._fields))
        if unknown:
            raise TypeError(f"unknown setting(s): {', '.join(unknown)}")
        return Config(**{**self._asdict(), **changes})

    def _replace(self, **changes: Any) -> Config:
        # (the tuple's own _replace would skip the checks)
        return self.with_(**changes)


def _supported(setting: str, names: tuple[str, ...], allowed: tuple[str, ...]) -> tuple[str, ...]:
    """The codec names as Python spells them, or ValueError naming unknown or unsupported ones."""
    try:
        canonical = tuple(canonical_name(name) for name in names)
    except LookupError as error:
        raise ValueError(f"unknown codec in {setting}: {error}") from None
    unsupported = [name for name in canonical if name not in allowed]
    if unsupported:
        raise ValueError(f"{setting} not supported for mojibake repair: {', '.join(unsupported)}")
    return canonical


def _make_enabled_steps(config: Config) -> tuple[str, ...]:
    return tuple(step for step in STEP_ORDER if getattr(config, step))


_ENABLED_STEPS: Final = Remembered(_make_enabled_steps)


def _enabled_steps(config: Config) -> tuple[str, ...]:
    return _ENABLED_STEPS.of(config)


DEFAULT_CONFIG = Config()


def resolve(config: Config | None, overrides: dict[str, object]) -> Config:
    base = DEFAULT_CONFIG if config is None else config
    if not isinstance(base, Config):
        raise TypeError(f"config must be a textfix.Config, not {type(base).__name__}")
    return base.with_(**overrides) if overrides else base
