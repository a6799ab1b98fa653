"""The records' fast constructors make the very records their classes make."""

from __future__ import annotations

import pickle

from textfix.findings import Alternative, Finding, new_alternative, new_finding


def test_new_finding_is_the_finding_its_class_makes() -> None:
    runner_up = new_alternative(("utf-8", "iso8859-2"), "å", 0.15)
    assert type(runner_up) is Alternative
    assert runner_up == Alternative(("utf-8", "iso8859-2"), "å", 0.15)
    assert runner_up.replacement == "å"
    made = new_finding(2, 4, "ĂĽ", "mojibake", ("utf-8", "cp1250"), "ü", 0.59, runner_up)
    assert type(made) is Finding
    assert made == Finding(2, 4, "ĂĽ", "mojibake", ("utf-8", "cp1250"), "ü", 0.59, runner_up)
    assert (made.start, made.end, made.text, made.kind) == (2, 4, "ĂĽ", "mojibake")
    assert (made.chain, made.replacement) == (("utf-8", "cp1250"), "ü")
    assert (made.confidence, made.runner_up) == (0.59, runner_up)
    assert pickle.loads(pickle.dumps(made)) == made


def test_a_new_finding_has_no_runner_up_unless_given_one() -> None:
    made = new_finding(0, 2, "Ã©", "mojibake", ("utf-8", "cp1252"), "é", 1.0)
    assert made.runner_up is None
    assert made == Finding(0, 2, "Ã©", "mojibake", ("utf-8", "cp1252"), "é", 1.0)
