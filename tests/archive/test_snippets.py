from govdocs.archive import snippets


def test_marks_and_escapes():
    text = "Fees & charges: the <council> approved the budget."
    start = text.index("budget")
    out = snippets.make_snippet(text, [(start, start + 6)])
    assert out == "Fees &amp; charges: the &lt;council&gt; approved the <mark>budget</mark>."


def test_window_goes_to_the_matches_with_ellipses():
    text = "word " * 200 + "the sewer bond and sewer fees " + "word " * 200
    a = text.index("sewer")
    b = text.index("sewer", a + 1)
    out = snippets.make_snippet(text, [(a, a + 5), (b, b + 5)], width=80)
    assert out.startswith("…") and out.endswith("…")
    assert out.count("<mark>sewer</mark>") == 2


def test_no_matches_gives_the_opening():
    assert snippets.make_snippet("Short text.", []) == "Short text."


def test_terminal_and_pages():
    assert snippets.to_terminal("a <mark>b</mark> &amp;", "[", "]") == "a [b] &"
    assert snippets.page_of("one\ftwo\fthree", 5) == 2
