"""One layer of mojibake read through every codepage (textfix.detect.layers)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from mojibake_support import damage, damage_through

from textfix import detect, fix_text
from textfix.codecs import codepage
from textfix.config import DEFAULT_CONFIG
from textfix.detect import layers
from textfix.detect.candidates import suspect_windows
from textfix.detect.clean import DEFAULT_CHECKS
from textfix.detect.controls import C1_RUN
from textfix.detect.layers import _score_layer, _scored_layer, detect_mojibake
from textfix.detect.readings import complete_readings, sequences_in
from textfix.detect.suspects import may_hold_mojibake
from textfix.findings import Finding, apply_findings
from textfix.model.evidence import whole_window_confidence


def test_a_layer_scored_again_is_scored_as_the_first_time_and_apart_from_what_callers_do() -> None:
    # (twice through cp1252: peeled to "été" with three layers to go, to "Ã©tÃ©" with one)
    text = "Le cafÃ© est prÃªt, lÃ¢â‚¬â„¢ÃƒÂ©tÃƒÂ© aussi."
    codecs = DEFAULT_CONFIG.codecs
    windows = suspect_windows(text, codecs)
    expected = _scored_layer(text, codecs, windows, 3, [])
    first = _score_layer(text, codecs, windows, 3)
    assert first == expected
    first.clear()
    assert _score_layer(text, codecs, list(windows), 3) == expected
    # another text, or the same with fewer layers to peel, is scored anew
    assert _score_layer(text + " Ã©", codecs, windows, 3) == _scored_layer(text + " Ã©", codecs, windows, 3, [])
    assert _score_layer(text, codecs, windows, 1) == _scored_layer(text, codecs, windows, 1, [])



def test_the_scorings_kept_are_those_of_one_call() -> None:
    # (a text read again is scored again: repeated calls cost what one call does)
    # (clean "à" beside the damaged word: no whole reading, the word is scored)
    sparse = "Dأ©finit des variables locales à la fonction."
    assert detect_mojibake(sparse, DEFAULT_CONFIG)
    assert any(seen[0] == sparse for seen in layers._scored)
    detect_mojibake("Ainsi de suite, cafÃ©.", DEFAULT_CONFIG)
    assert not any(seen[0] == sparse for seen in layers._scored)


def test_a_later_call_of_one_repair_keeps_the_scorings() -> None:
    # (a repair's later round reads again the text its first round peeled a layer of:
    # the same layers are taken as scored, not scored again)
    sparse = "Dأ©finit des variables locales à la fonction."
    first = detect_mojibake(sparse, DEFAULT_CONFIG)
    kept = list(layers._scored)
    assert kept
    assert detect_mojibake(sparse, DEFAULT_CONFIG, keep_scorings=True) == first
    assert len(layers._scored) == len(kept) and all(a is b for a, b in zip(layers._scored, kept))
    # a call of its own scores them again
    assert detect_mojibake(sparse, DEFAULT_CONFIG) == first
    assert not any(a is b for a, b in zip(layers._scored, kept))


# Characters that UTF-8 read through the codepages shows, and ASCII between them.
_SHOWN = "ÃÂâ€™©¤Ð°Ñ\x81ÎÏ╨╧ΓΘσ€ЮЁдабвใยเ ab"


@settings(max_examples=400, deadline=None)
@given(st.text(st.sampled_from(_SHOWN), max_size=14))
def test_a_window_too_short_of_non_ascii_for_a_whole_reading_has_no_reading_with_enough_sequences(text: str) -> None:
    # _read_whole turns such a window away before reading it: each sequence takes two
    # non-ASCII characters or more, so none of its readings could be trusted whole
    codecs = DEFAULT_CONFIG.codecs
    enough = layers._enough_for_a_whole_reading(text, 0, len(text))
    assert enough == (sum(not c.isascii() for c in text) >= 2 * layers.WHOLE_WINDOW_MIN_SEQUENCES)
    if not enough:
        for _, data in complete_readings(text, codecs).values():
            assert whole_window_confidence(sequences_in(data)) is None
        assert layers._read_whole(text, 0, len(text), codecs, 3, DEFAULT_CONFIG.threshold) is None


def test_a_whole_reading_needs_its_sequences_and_no_more() -> None:
    codecs, threshold = DEFAULT_CONFIG.codecs, DEFAULT_CONFIG.threshold
    three, two = "le cafÃ© et le thÃ© sont prÃªts", "le cafÃ© et le thÃ© sont prets"
    assert layers._read_whole(three, 0, len(three), codecs, 3, threshold) is not None
    assert layers._read_whole(two, 0, len(two), codecs, 3, threshold) is None
    # (a whole text may have fewer, on stricter terms: see the next test)
    assert layers._read_whole(two, 0, len(two), codecs, 3, threshold, True) is not None


def test_a_whole_text_of_one_or_two_sequences_is_read_whole_where_each_reads_into_its_place() -> None:
    # A word or two damaged in a line: read whole only as a whole text (few=True), with
    # the measured precision of whole readings of that many sequences
    codecs, threshold = DEFAULT_CONFIG.codecs, DEFAULT_CONFIG.threshold
    for original, name, sequences in [
        ("ficheiro não encontrado", "cp1258", 1),
        ("Feil ved lesing av «%s»", "cp1252", 2),
        ("le café et le thé sont prets", "cp1252", 2),  # (mac-roman reads "Ã©" as a mark: not taken)
        ("ROM — Atari 7800", "mac-cyrillic", 1),
        ("Line-øerne", "cp1252", 1),
    ]:
        damaged = damage(original, name)
        assert layers._read_whole(damaged, 0, len(damaged), codecs, 3, threshold) is None
        read = layers._read_whole(damaged, 0, len(damaged), codecs, 3, threshold, True)
        assert read is not None and read.decoded == original, damaged
        assert read.certainty == whole_window_confidence(sequences, 1) and layers._sure(read, threshold)
        assert layers.repair_whole_text(damaged, DEFAULT_CHECKS) == original == fix_text(damaged)
        assert {f.confidence for f in detect(damaged)} == {read.certainty}


def test_one_or_two_sequences_over_a_layer_are_read_whole_by_the_sure_layer_beneath() -> None:
    # "Põlva" through koi8-r, then cp1253: the one reading of the text is mojibake itself
    # ("Pц╣lva": a box-drawing sign inside a word), judged by the reading beneath it
    codecs, threshold = DEFAULT_CONFIG.codecs, DEFAULT_CONFIG.threshold
    for original, chain in [("Põlva", ("koi8-r", "cp1253")), ("Shilling kényan", ("mac-roman", "iso8859-1"))]:
        damaged = damage_through(original, chain)
        read = layers._read_whole(damaged, 0, len(damaged), codecs, 3, threshold, True)
        assert read is not None and read.codec == chain[1] and layers._sure(read, threshold)
        assert read.inner is not None and read.inner.codec == chain[0] and read.inner.decoded == original
        assert fix_text(damaged) == original
        # with no layer to spare, no whole reading
        assert layers._read_whole(damaged, 0, len(damaged), codecs, 1, threshold, True) is None
    # nor over a layer that is not read whole and sure: "miÅ�a" (a byte lost beneath) is
    # for the full evidence
    lossy = "Usmerenje dugmeta miΓ\x85οΏ½a"
    assert layers._read_whole(lossy, 0, len(lossy), codecs, 3, threshold, True) is None


def test_a_layer_read_again_is_read_as_the_first_time_and_apart_from_what_callers_do() -> None:
    text = "Le cafÃ© est prÃªt, lÃ¢â‚¬â„¢ÃƒÂ©tÃƒÂ© aussi."
    config, threshold = DEFAULT_CONFIG, DEFAULT_CONFIG.threshold
    first = layers._detect_layer(text, config, threshold, 3)
    expected = list(first)
    assert expected
    first.clear()
    assert layers._detect_layer(text, config, threshold, 3) == expected
    # with fewer layers beneath, the same characters are read anew ("Ã¢â‚¬â„¢" is "’"
    # two layers down, "â€™" one)
    one_layer = layers._detect_layer(text, config, threshold, 1)
    assert one_layer != expected
    assert layers._detect_layer(text, config, threshold, 1) == one_layer


def test_runs_the_reading_beneath_defers_are_read_whole_by_the_layer_above() -> None:
    # Hindi through cp874, then cp1252: the cp874 reading beneath defers runs such as
    # "เคนเฅ\x88" ("है", Thai letters of its own) to the full evidence; the cp1252 reading
    # still reads the whole line, and the next layer judges those runs in their place
    codecs, threshold = DEFAULT_CONFIG.codecs, DEFAULT_CONFIG.threshold
    original = "यदि समायोजित किया गया है तो लेबल का प्रयोग"
    damaged = damage_through(original, ("cp874", "cp1252"))
    read = layers._read_whole(damaged, 0, len(damaged), codecs, 3, threshold, True)
    assert read is not None and read.codec == "cp1252" and not read.deferred
    assert read.inner is not None and read.inner.codec == "cp874" and read.inner.deferred
    assert fix_text(damaged) == original
    assert apply_findings(damaged, detect(damaged)) == original


def test_of_one_or_two_sequences_read_into_place_several_ways_the_far_likelier_is_read_whole() -> None:
    # Letters of a word that several codepages read into letters some language writes:
    # the character model decides where it prefers one by a wide margin
    codecs, threshold = DEFAULT_CONFIG.codecs, DEFAULT_CONFIG.threshold
    for original, name, rival in [
        ("Soll dieses Tag die Schriftgröße beeinflussen?", "iso8859-7", "cp1253"),  # "â" through cp1253
        ("Apresentar operações de ficheiros", "iso8859-2", "cp1250"),  # "þ" through cp1250
        ("Nedovoljno memorije za učitavanje ICO datoteke", "cp1250", "iso8859-2"),  # "ī" through ISO-8859-2
    ]:
        damaged = damage(original, name)
        readings = complete_readings(damaged, codecs)
        assert len(readings) > 1 and any(codec == rival for codec, _ in readings.values())
        read = layers._read_whole(damaged, 0, len(damaged), codecs, 3, threshold, True)
        assert read is not None and read.decoded == original and layers._sure(read, threshold)
        assert layers.repair_whole_text(damaged, DEFAULT_CHECKS) == original == fix_text(damaged)


def test_one_or_two_sequences_read_into_letters_of_languages_without_a_codepage() -> None:
    # Esperanto and Belarusian Latin letters ("ŝ", "ĝ", "ŭ") are letters some language
    # writes, though textfix reads no codepage of theirs; so are rare letters of everyday
    # words
    codecs, threshold = DEFAULT_CONFIG.codecs, DEFAULT_CONFIG.threshold
    for original, name in [
        ("    Defaŭlte TABELO estas la variablo MAPFILE.", "cp1252"),  # the only reading
        # preferred by the model over "Żargi" (ISO-8859-2) and "Aranįo" (cp1252) by the margin
        ("Malsukcesis ŝargi la agordodosieron", "cp1250"),
        ("_Aranĝo por:", "cp1257"),
        # letters of everyday words that software strings seldom show (as ftfy repairs them)
        ("une œuvre d'art", "cp1252"),
        ("(Џ)", "cp1252"),
    ]:
        damaged = damage(original, name)
        read = layers._read_whole(damaged, 0, len(damaged), codecs, 3, threshold, True)
        assert read is not None and read.decoded == original and layers._sure(read, threshold), damaged
        assert layers.repair_whole_text(damaged, DEFAULT_CHECKS) == original == fix_text(damaged)
    assert fix_text("^[дД]") == "^[дД]"


def test_one_or_two_sequences_are_not_read_whole_into_what_clean_text_does_not_hold_there() -> None:
    codecs, threshold = DEFAULT_CONFIG.codecs, DEFAULT_CONFIG.threshold
    for text in [
        "Mon-đô-va",  # clean Vietnamese: "Mon-Г-va" through cp852, a Cyrillic letter among Latin ones
        "[KAPCSOLÓ…]",  # clean Hungarian: "Ó…" is "Ӆ" through cp1252
        # two readings in place: "¡" through ISO-8859-2, "¥" through cp1250; "À la" through
        # cp1253, "ä la" through ISO-8859-7 (the second likelier by the character model,
        # by less than the margin)
        "ÂĄSe descarta la longitud",
        "Γ€ la touche",
        # Esperanto "ŝ" through cp437, "ž" through cp852: the model prefers the commoner
        # letter, which says little against a language with little text
        "Publika ┼¥losilo estas",
        "Malsukcesis skribi la ka┼¥dosieron",
        "^[дД]",  # clean Cyrillic: Armenian "Դ" through ISO-8859-5, a script the tables leave out
        "وœ¨",  # "木" through cp1256: a letter of three bytes, what legacy letters read into by chance
    ]:
        assert layers._read_whole(text, 0, len(text), codecs, 3, threshold, True) is None, text
    assert fix_text("Mon-đô-va") == "Mon-đô-va" and fix_text("[KAPCSOLÓ…]") == "[KAPCSOLÓ…]"
    # a run with no odd pair of its own ("ТЛ", as a Cyrillic word may be, through
    # mac-cyrillic): with so few sequences nothing vouches for it, and none is read whole
    text = "Non se creou o grupo ТЋ%sТЛ."
    assert layers._read_whole(text, 0, len(text), codecs, 3, threshold, True) is None


def test_what_a_lone_sequence_may_read_into() -> None:
    placed = layers._reads_into_place
    assert placed("não", 1, "ã") and placed("«%s»", 0, "«") and placed("a\xa0b", 1, "\xa0")
    assert placed("5 €", 2, "€") and placed("© 2020", 0, "©") and placed("x — y", 2, "—")
    assert not placed("fi»ôier", 2, "»") and placed("l’homme", 1, "’")  # a symbol inside a word
    assert not placed("a\x85b", 1, "\x85")  # a C1 control
    assert not placed("a\ufeffb", 1, "\ufeff") and not placed("a\u0600b", 1, "\u0600")  # format characters
    assert not placed("HEAD Г aggiornato", 5, "Г")  # Cyrillic among Latin words
    assert placed("ГЁ", 0, "Г") and not placed("Ϸ", 0, "Ϸ")  # (a letter no language writes)
    assert not placed("e\u0301", 1, "\u0301")  # a mark
    assert not placed("a木b", 1, "木")


def test_every_codepage_gives_a_non_ascii_character_a_byte_beyond_ascii() -> None:
    # (what the count of non-ASCII characters before a whole reading rests on)
    for name in DEFAULT_CONFIG.codecs:
        page = codepage(name)
        for byte in range(256):
            shown = page.decode(bytes([byte]))
            assert shown is None or shown.isascii() == (byte < 0x80), (name, byte)


def test_a_whole_reading_with_a_run_into_letters_no_text_has_is_no_whole_reading() -> None:
    # ("Ϸ", an archaic Greek letter, is what chance readings give: the runs are searched
    # for such letters through the whole reading once, and each run where it has any)
    codecs, threshold = DEFAULT_CONFIG.codecs, DEFAULT_CONFIG.threshold
    for original, whole in [
        ("été côté déjà", True),
        ("Ϸ été côté déjà", False),
        ("été côté déjà Ϸ", False),
    ]:
        damaged = original.encode("utf-8").decode("cp1252")
        assert (layers._read_whole(damaged, 0, len(damaged), codecs, 3, threshold) is not None) == whole


def test_a_layer_is_read_whole_over_a_sure_layer_beneath_that_leaves_a_run_to_the_full_evidence() -> None:
    # The lone "и" reads as "ΠΈ" through ISO-8859-7, a run with no odd pair of its own,
    # and between two Latin words no letter of the script beside it: the layer beneath is
    # sure of every other run and leaves that one to the full evidence, and the outer
    # Latin-1 layer is read whole all the same (not scored sequence by sequence over the
    # whole text).
    codecs, threshold = DEFAULT_CONFIG.codecs, DEFAULT_CONFIG.threshold
    original = "Преводите, коментарите, извлечените коментари, PO и POT във файла"
    damaged = damage_through(original, ("iso8859-7", "iso8859-1"))
    read = layers._read_whole(damaged, 0, len(damaged), codecs, 3, threshold)
    assert read is not None and read.codec == "iso8859-1" and not read.deferred
    assert read.inner is not None and read.inner.codec == "iso8859-7" and read.inner.deferred
    assert not layers._sure(read, threshold)
    assert layers.repair_whole_text(damaged, DEFAULT_CHECKS) is None
    assert fix_text(damaged) == original


def test_runs_read_into_the_mojibake_of_a_sure_layer_beneath_are_not_judged_as_text() -> None:
    # Ukrainian through cp874, then Latin-1: the outer runs read into Thai marks ("ั–" is
    # cp874 for "і"), which begin no word of any text, but are read once more beneath.
    codecs, threshold = DEFAULT_CONFIG.codecs, DEFAULT_CONFIG.threshold
    original = "Показати інформацію лише з розділу НАЗВА."
    damaged = damage_through(original, ("cp874", "iso8859-1"))
    read = layers._read_whole(damaged, 0, len(damaged), codecs, 3, threshold)
    assert read is not None and read.codec == "iso8859-1" and read.inner is not None
    assert fix_text(damaged) == original
    # with no layer beneath to read them, the same runs are no text: no whole reading
    middle = damage(original, "cp874")
    thai_marks = "ั–ะฝั\x84ะพั€ะผะฐั\x86ั–ั\x8e"
    assert thai_marks in middle
    alone = damage(thai_marks, "iso8859-1")
    assert layers._read_whole(alone, 0, len(alone), codecs, 1, threshold) is None


def test_a_reading_is_named_after_the_sure_chain_around_it_that_reads_it_alike() -> None:
    # "и" alone is "ΠΈ" through cp1253 and ISO-8859-7 alike, and is named cp1253 (the
    # first of the two); the sure words around it went through ISO-8859-7 and vouch for it
    original = "нельзя кластеризовать все базы и одну конкретную одновременно"
    damaged = damage(original, "iso8859-7")
    assert fix_text(damaged) == original
    [lone] = [f for f in detect(damaged) if f.replacement == "и"]
    assert lone.chain == ("utf-8", "iso8859-7")
    assert {f.chain for f in detect(damaged)} == {("utf-8", "iso8859-7")}


_ORIGINAL_LETTERS = "éèàçüößжзиыяΩαβλ中文字ใไ "
_SOME_CODECS = ["cp1252", "cp1251", "iso8859-7", "cp874", "mac-roman", "koi8-r"]


@settings(max_examples=300, deadline=None)
@given(
    st.text(st.sampled_from(_ORIGINAL_LETTERS), min_size=4, max_size=24),
    st.lists(st.sampled_from(_SOME_CODECS), min_size=1, max_size=2),
)
def test_a_whole_reading_knows_the_text_it_reads_to_and_whether_that_looks_damaged(
    original: str, chain: list[str]
) -> None:
    # (what repair_whole_text takes from the reading instead of decoding and searching again)
    codecs, threshold = DEFAULT_CONFIG.codecs, DEFAULT_CONFIG.threshold
    damaged = damage_through(original, tuple(chain))
    layer = layers._read_whole(damaged, 0, len(damaged), codecs, 3, threshold)
    while layer is not None:
        assert layer.decoded == layer.data.decode("utf-8")
        assert layer.damaged_beneath == (layer.inner is None and may_hold_mojibake(layer.decoded, codecs))
        layer = layer.inner


def test_a_legacy_story_of_the_whole_text_beats_chance_utf8_readings_that_vouch_for_each_other() -> None:
    # "Âèä" and "Íåò" read as UTF-8 through mac-roman ("及", "ꌘ", 0.77 and 0.65 alone),
    # each vouching for the other; the whole text is Russian cp1251 read as cp1252
    text = "Âèä Äà Íåò"
    assert fix_text(text) == "Вид Да Нет"
    assert {f.chain for f in detect(text)} == {("cp1251", "cp1252")}


def test_utf8_readings_over_legacy_text_beneath_are_a_layer_not_a_rival_story() -> None:
    # Korean EUC-KR read as cp1252, saved as UTF-8 and read as cp1252 again: read as one
    # legacy text through GBK, it would read better than the UTF-8 layer alone (whose
    # readings are no chance characters: see layers._chance_characters)
    text = "%u OID large objectÂ¸Â¦ ÂºÂ¹Â¿Ã¸Ã\x81ÃŸ"
    assert fix_text(text) == "%u OID large object를 복원중"


def test_a_run_without_an_odd_pair_of_its_own_is_read_where_it_reads_into_place() -> None:
    # A short word of damaged Cyrillic ("РІ" is "в" through cp1251) shows no odd pair of
    # its own; in a sure whole reading it is read with the rest where it reads into a
    # letter of the script beside it (on one side: "%ld в"), and the text is settled
    # without the full evidence
    codecs, threshold = DEFAULT_CONFIG.codecs, DEFAULT_CONFIG.threshold
    for original, name in [
        ("%pB: недопустимый символьный индекс %ld в перемещениях", "cp1251"),
        ("%s: не вдалося розібрати неповне посилання %s.", "cp874"),
        ("Укажите код разблокировки (PUK) для создания нового", "cp1251"),
        ("направи съответно и чрез командите", "iso8859-7"),
    ]:
        damaged = damage(original, name)
        read = layers._read_whole(damaged, 0, len(damaged), codecs, 3, threshold, True)
        assert read is not None and read.deferred == []
        assert layers.repair_whole_text(damaged, DEFAULT_CHECKS) == original == fix_text(damaged)
    # Clean Thai between damaged words ("แจก" is "ᨡ", a Tai Tham letter, as UTF-8 through
    # cp874) is still left to the full evidence, which keeps it
    text = damage("ร้านค้า", "cp874") + " แจก " + damage("ของขวัญฟรี", "cp874")
    read = layers._read_whole(text, 0, len(text), codecs, 3, threshold, True)
    assert read is not None and [text[start:end] for start, end in read.deferred] == [" แจก "]
    assert layers.repair_whole_text(text, DEFAULT_CHECKS) is None
    assert fix_text(text) == "ร้านค้า แจก ของขวัญฟรี"


def test_a_layer_peeled_into_clean_looking_text_that_reads_whole_again_is_peeled_again() -> None:
    # French quotes through cp874, then cp1252: the full evidence peels the cp1252 layer
    # into Thai letters ("ยซ" for "Â«"), which look clean and read whole through cp874
    original = "«\xa0%pA\xa0»"
    damaged = damage_through(original, ("cp874", "cp1252"))
    found = detect(damaged)
    assert [f.chain for f in found] == [("utf-8", "cp874", "utf-8", "cp1252")] * 2
    assert apply_findings(damaged, found) == fix_text(damaged) == original
    # Thai damaged once is repaired once, its words that read whole as UTF-8 too ("ยก" is
    # "¡" through cp874), alone or beside text that leaves them to the full evidence
    for thai in ["ยก", "ยกลง", "ยก ลง", "%s: ยก\xa0ลง «%s»", "ร้านค้า แจก ของขวัญฟรี"]:
        assert fix_text(damage(thai, "cp1252")) == thai


@given(st.text(st.sampled_from("a\x80\x9f\x7f\xa0é€\x85"), max_size=6), st.data())
def test_a_finding_ends_clean_where_no_c1_control_is_in_its_repair_or_beside_it(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    replacement = data.draw(st.text(st.sampled_from("a\x80\x9fé"), max_size=3))
    finding = Finding(start, end, text[start:end], "mojibake", ("utf-8", "cp1252"), replacement, 0.9)
    beside = text[max(0, start - 1) : start] + text[end : end + 1]
    expected = C1_RUN.search(replacement) is None and C1_RUN.search(beside) is None
    assert layers._ends_clean(finding, text) == expected
