"""English segmentation against pySBD, the Python port of the Pragmatic Segmenter.

pySBD is the reference only: workbench segments with its own rules (workbench/core/sources/segment.py).
The cases are the Pragmatic Segmenter's "golden rules" for English, with the answers pySBD's own
test suite expects, plus news-style cases; on every one of them we claim pySBD's answer.
"""

from __future__ import annotations

import pysbd
import pytest

from workbench.core.sources.segment import split_sentences

# (text, sentences): the golden rules for English. Left out: "At 5 a.m. Mr. Smith went to the
# bank. He left the bank at 6 P.M. Mr. Smith then went to the store.", which pySBD's own suite
# marks as failing (see test_where_we_part_from_pysbd).
GOLDEN_RULES = [
    ("Hello World. My name is Jonas.", ["Hello World.", "My name is Jonas."]),
    ("What is your name? My name is Jonas.", ["What is your name?", "My name is Jonas."]),
    ("There it is! I found it.", ["There it is!", "I found it."]),
    ("My name is Jonas E. Smith.", ["My name is Jonas E. Smith."]),
    ("Please turn to p. 55.", ["Please turn to p. 55."]),
    ("Were Jane and co. at the party?", ["Were Jane and co. at the party?"]),
    (
        "They closed the deal with Pitt, Briggs & Co. at noon.",
        ["They closed the deal with Pitt, Briggs & Co. at noon."],
    ),
    ("Let's ask Jane and co. They should know.", ["Let's ask Jane and co.", "They should know."]),
    (
        "They closed the deal with Pitt, Briggs & Co. It closed yesterday.",
        ["They closed the deal with Pitt, Briggs & Co.", "It closed yesterday."],
    ),
    ("I can see Mt. Fuji from here.", ["I can see Mt. Fuji from here."]),
    (
        "St. Michael's Church is on 5th st. near the light.",
        ["St. Michael's Church is on 5th st. near the light."],
    ),
    ("That is JFK Jr.'s book.", ["That is JFK Jr.'s book."]),
    ("I visited the U.S.A. last year.", ["I visited the U.S.A. last year."]),
    ("I live in the E.U. How about you?", ["I live in the E.U.", "How about you?"]),
    ("I live in the U.S. How about you?", ["I live in the U.S.", "How about you?"]),
    (
        "I work for the U.S. Government in Virginia.",
        ["I work for the U.S. Government in Virginia."],
    ),
    ("I have lived in the U.S. for 20 years.", ["I have lived in the U.S. for 20 years."]),
    ("She has $100.00 in her bag.", ["She has $100.00 in her bag."]),
    ("She has $100.00. It is in her bag.", ["She has $100.00.", "It is in her bag."]),
    (
        "He teaches science (He previously worked for 5 years as an engineer.) at the local University.",
        [
            "He teaches science (He previously worked for 5 years as an engineer.) at the local University."
        ],
    ),
    (
        "Her email is Jane.Doe@example.com. I sent her an email.",
        ["Her email is Jane.Doe@example.com.", "I sent her an email."],
    ),
    (
        "The site is: https://www.example.50.com/new-site/awesome_content.html. Please check it out.",
        [
            "The site is: https://www.example.50.com/new-site/awesome_content.html.",
            "Please check it out.",
        ],
    ),
    (
        "She turned to him, 'This is great.' she said.",
        ["She turned to him, 'This is great.' she said."],
    ),
    (
        'She turned to him, "This is great." she said.',
        ['She turned to him, "This is great." she said.'],
    ),
    (
        'She turned to him, "This is great." She held the book out to show him.',
        ['She turned to him, "This is great."', "She held the book out to show him."],
    ),
    ("Hello!! Long time no see.", ["Hello!!", "Long time no see."]),
    ("Hello?? Who is there?", ["Hello??", "Who is there?"]),
    ("Hello!? Is that you?", ["Hello!?", "Is that you?"]),
    ("Hello?! Is that you?", ["Hello?!", "Is that you?"]),
    ("1.) The first item 2.) The second item", ["1.) The first item", "2.) The second item"]),
    ("1.) The first item. 2.) The second item.", ["1.) The first item.", "2.) The second item."]),
    ("1) The first item 2) The second item", ["1) The first item", "2) The second item"]),
    ("1) The first item. 2) The second item.", ["1) The first item.", "2) The second item."]),
    ("1. The first item 2. The second item", ["1. The first item", "2. The second item"]),
    ("1. The first item. 2. The second item.", ["1. The first item.", "2. The second item."]),
    ("• 9. The first item • 10. The second item", ["• 9. The first item", "• 10. The second item"]),
    ("⁃9. The first item ⁃10. The second item", ["⁃9. The first item", "⁃10. The second item"]),
    (
        "a. The first item b. The second item c. The third list item",
        ["a. The first item", "b. The second item", "c. The third list item"],
    ),
    (
        "You can find it at N°. 1026.253.553. That is where the treasure is.",
        ["You can find it at N°. 1026.253.553.", "That is where the treasure is."],
    ),
    (
        "She works at Yahoo! in the accounting department.",
        ["She works at Yahoo! in the accounting department."],
    ),
    (
        "We make a good team, you and I. Did you see Albert I. Jones yesterday?",
        ["We make a good team, you and I.", "Did you see Albert I. Jones yesterday?"],
    ),
    (
        "Thoreau argues that by simplifying one’s life, “the laws of the universe will appear less complex. . . .”",
        [
            "Thoreau argues that by simplifying one’s life, “the laws of the universe will appear less complex. . . .”"
        ],
    ),
    (
        '"Bohr [...] used the analogy of parallel stairways [...]" (Smith 55).',
        ['"Bohr [...] used the analogy of parallel stairways [...]" (Smith 55).'],
    ),
    (
        "If words are left off at the end of a sentence, and that is all that is omitted, indicate the omission with ellipsis marks (preceded and followed by a space) and then indicate the end of the sentence with a period . . . . Next sentence.",
        [
            "If words are left off at the end of a sentence, and that is all that is omitted, indicate the omission with ellipsis marks (preceded and followed by a space) and then indicate the end of the sentence with a period . . . .",
            "Next sentence.",
        ],
    ),
    (
        "I never meant that.... She left the store.",
        ["I never meant that....", "She left the store."],
    ),
    (
        "I wasn’t really ... well, what I mean...see . . . what I'm saying, the thing is . . . I didn’t mean it.",
        [
            "I wasn’t really ... well, what I mean...see . . . what I'm saying, the thing is . . . I didn’t mean it."
        ],
    ),
    (
        "One further habit which was somewhat weakened . . . was that of combining words into self-interpreting compounds. . . . The practice was not abandoned. . . .",
        [
            "One further habit which was somewhat weakened . . . was that of combining words into self-interpreting compounds.",
            ". . . The practice was not abandoned. . . .",
        ],
    ),
]

# News-style cases: abbreviations before names, times, numbers, quotations, lists.
NEWS_CASES = [
    (
        "The U.S. Government and the U.K. Parliament agreed. Talks went on.",
        ["The U.S. Government and the U.K. Parliament agreed.", "Talks went on."],
    ),
    (
        "She moved to the U.S. in 2010. Her sister stayed.",
        ["She moved to the U.S. in 2010.", "Her sister stayed."],
    ),
    ("The U.N. Security Council met. It voted.", ["The U.N. Security Council met.", "It voted."]),
    (
        "The meeting is at 3 p.m. The hall is booked.",
        ["The meeting is at 3 p.m.", "The hall is booked."],
    ),
    ("It was 5 p.m. when Mr. Brown called.", ["It was 5 p.m. when Mr. Brown called."]),
    (
        "He met Gen. Patton and Lt. Dan. They left at 6 a.m. on Monday.",
        ["He met Gen. Patton and Lt. Dan.", "They left at 6 a.m. on Monday."],
    ),
    (
        "Mr. and Mrs. Smith arrived. They sat down.",
        ["Mr. and Mrs. Smith arrived.", "They sat down."],
    ),
    (
        "Dr. Watson met Prof. Moriarty. They talked.",
        ["Dr. Watson met Prof. Moriarty.", "They talked."],
    ),
    (
        "Use fruit, e.g. Apples or pears. Nuts, i.e. Almonds, are fine.",
        ["Use fruit, e.g. Apples or pears.", "Nuts, i.e. Almonds, are fine."],
    ),
    (
        "J. R. R. Tolkien wrote it. He was English.",
        ["J. R. R. Tolkien wrote it.", "He was English."],
    ),
    ("See p. 12. The table is there.", ["See p. 12.", "The table is there."]),
    ("He paid $3.50 for 2.5 kg. That was cheap.", ["He paid $3.50 for 2.5 kg.", "That was cheap."]),
    (
        "The rate rose to 3.5 percent. It fell later.",
        ["The rate rose to 3.5 percent.", "It fell later."],
    ),
    ("The vote was 5 to 4. Both sides agreed.", ["The vote was 5 to 4.", "Both sides agreed."]),
    ('He said, "I agree." Then he left.', ['He said, "I agree."', "Then he left."]),
    ("“We are ready,” she said. “Let us go.”", ["“We are ready,” she said.", "“Let us go.”"]),
    ("Wait . . . what? He left.", ["Wait . . . what?", "He left."]),
    ("1. Buy milk 2. Call Mom 3. Pay bills", ["1. Buy milk", "2. Call Mom", "3. Pay bills"]),
    ("a) The first item b) The second item", ["a) The first item", "b) The second item"]),
    (
        "The Washington Post reported it. No one denied it.",
        ["The Washington Post reported it.", "No one denied it."],
    ),
]

CASES = GOLDEN_RULES + NEWS_CASES


@pytest.fixture(scope="module")
def pysbd_english() -> pysbd.Segmenter:
    return pysbd.Segmenter(language="en", clean=False)


def ours(text: str) -> list[str]:
    return [text[start:end] for start, end in split_sentences(text, "en")]


def reference(segmenter: pysbd.Segmenter, text: str) -> list[str]:
    return [sentence.strip() for sentence in segmenter.segment(text)]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_pysbd_gives_the_expected_sentences(pysbd_english, text, expected):
    """The reference itself: if pySBD changed its answers, agreeing with it would prove nothing."""
    assert reference(pysbd_english, text) == expected


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_we_agree_with_pysbd(pysbd_english, text, expected):
    assert ours(text) == reference(pysbd_english, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The golden rule pySBD fails (it also cuts after "a.m."); we keep "a.m. Mr. Smith" but
        # cannot tell "6 P.M. Mr. Smith" apart either: both read as a time before a name.
        (
            "At 5 a.m. Mr. Smith went to the bank. He left the bank at 6 P.M. Mr. Smith then went to the store.",
            [
                "At 5 a.m. Mr. Smith went to the bank.",
                "He left the bank at 6 P.M. Mr. Smith then went to the store.",
            ],
        ),
        # pySBD cuts after a title it does not know and keeps B.C. or a quotation with what follows.
        ("Pres. Lincoln spoke. The crowd cheered.", ["Pres. Lincoln spoke.", "The crowd cheered."]),
        ("He wrote: ‘I am done.’ Then he slept.", ["He wrote: ‘I am done.’", "Then he slept."]),
        (
            "It happened in 44 B.C. The empire changed.",
            ["It happened in 44 B.C.", "The empire changed."],
        ),
    ],
)
def test_where_we_part_from_pysbd(pysbd_english, text, expected):
    assert ours(text) == expected
    assert reference(pysbd_english, text) != expected
