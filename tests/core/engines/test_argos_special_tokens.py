"""Model special tokens never reach a catalog or the screen (issue 9)."""

from workbench.core.engines.argos import DecodingOptions, open_engine


def test_special_tokens_are_dropped_at_decode(tiny_packages):
    engine = open_engine("fr", "en", DecodingOptions(), install_missing=False)
    engine.prepare(["Bakou"])  # loads the tokenizer
    pieces = engine._tokenizer.encode(["Bakou juin"], out_type=str)[0]
    noisy = ["<s>", *pieces[:1], "<unk>", *pieces[1:], "</s>", "<pad>"]
    hypothesis = engine._hypothesis(noisy, -0.5, "")
    assert hypothesis.text == engine._hypothesis(pieces, -0.5, "").text
    for token in ("<s>", "</s>", "<unk>", "<pad>", "⁇"):
        assert token not in hypothesis.text
