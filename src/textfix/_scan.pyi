STATES: int
FOUND: int
MOST_AUTOMATA: int

def screen_may_match(text: str, tables: bytes, /) -> int: ...
def automata_may_hold_words(
    text: str, planes: bytes, moves: bytes, codepages: int, untabled: int, ascii_resets: bool, /
) -> int: ...
