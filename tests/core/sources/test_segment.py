"""Sentence segmentation: the seed's gold boundaries, each rule in fr, en and az, and invariants."""

from __future__ import annotations

import random

import pytest

from workbench.core.sources.document import load_document
from workbench.core.sources.segment import split_sentences

# The seed's sentences, boundaries decided by reading the article: the dateline has no final
# period, "M. Ilham Aliyev" and "(97 pays suffisent)" stay inside their sentences, "A cette fin"
# starts one, and the closing quotation with its attribution to H.Hadjiyev is one sentence.
SEED_SENTENCES = [
    ("1.1", "date 2020-07 Bakou, 27 juin, AZERTAC"),
    (
        "2.1",
        (
            "Depuis le début de la pandémie de Covid-19, des initiatives nécessaires sont "
            "présentées et des mesures pratiques sont prises par la République "
            "d'Azerbaïdjan, sous la présidence du président Ilham Aliyev, afin de renforcer "
            "la solidarité internationale dans la lutte au niveau régional et global contre "
            "le coronavirus."
        ),
    ),
    (
        "2.2",
        (
            "C'est ce qu'a déclaré Hikmet Hadjiyev, assistant du président de la République "
            "d'Azerbaïdjan et chef du département de la politique étrangère de "
            "l'Administration présidentielle, lors d'une interview à l'AZERTAC."
        ),
    ),
    (
        "3.1",
        (
            "Selon lui, en plus de poser de graves problèmes de santé qui mettent en danger "
            "la vie des gens, la pandémie a créé des menaces socio-économiques et "
            "humanitaires globales dont les conséquences négatives se feront sentir encore "
            "longtemps."
        ),
    ),
    (
        "3.2",
        (
            "Dans le contexte de la pandémie de Covid-19, qui est comparable à la Seconde "
            "Guerre mondiale, il existe un grand besoin de solidarité mondiale et de vision "
            "globale au lieu des mesures de confinement et fragmentaires."
        ),
    ),
    (
        "3.3",
        (
            "A cette fin, un sommet du Conseil de coopération des état turcophones a eu lieu "
            "en avril dernier à l'initiative du président Ilham Aliyev, qui dirige le "
            "Conseil."
        ),
    ),
    (
        "3.4",
        (
            "Le Conseil turcique était la première organisation internationale ayant tenu un "
            "sommet consacré à la lutte contre le Covid-19."
        ),
    ),
    (
        "4.1",
        (
            "À l'initiative de M. Ilham Aliyev, président de la République d'Azerbaïdjan, "
            "qui préside également le Mouvement des non-alignés (MNA), un sommet consacré à "
            "la lutte contre la pandémie de coronavirus du Groupe de contact du MNA s'est "
            "tenu par visioconférence le 4 mai dernier."
        ),
    ),
    (
        "5.1",
        (
            "L'assistant du président a souligné que la République d'Azerbaïdjan avait fait "
            "un don à l'Organisation mondiale de la santé (OMS) et alloué des aides "
            "humanitaires à plus de 30 pays."
        ),
    ),
    (
        "6.1",
        (
            "Lors de son discours au sommet du Mouvement des non-alignés, le president de la "
            "République a proposé de tenir par visioconférence une session extraordinaire "
            "des chefs d'Etat et de gouvernement de l'Assemblée générale de l'ONU afin de "
            "lutter contre la pandémie."
        ),
    ),
    (
        "7.1",
        (
            "Cette initiative a été convenue unanimement par 120 pays membres du Mouvement "
            "des non-alignés à New York."
        ),
    ),
    (
        "7.2",
        (
            "Après cela, le président du Mouvement des pays non alignés, Ilham Aliyev, a "
            "adressé, au nom des pays du Mouvement des non-alignés, un appel au secrétaire "
            "général Antonio Guterres pour tenir par visioconférence une session "
            "extraordinaire de l'Assemblée générale des Nations Unies au niveau des chefs "
            "d'État et de gouvernement."
        ),
    ),
    (
        "7.3",
        (
            "Le secrétaire général de l'ONU s'est adressé, à son tour, à tous les pays "
            "membres pour qu'ils s'expriment, avant le 27 juin, sur cette initiative du "
            "président Ilham Aliyev."
        ),
    ),
    (
        "8.1",
        (
            "Selon les règles, une session extraordinaire devrait être convoquée si la "
            "majorité des États membres de l'ONU (97 pays suffisent) soutiennent "
            "l'initiative."
        ),
    ),
    (
        "8.2",
        (
            "Selon les données officielles de la partie azerbaïdjanaise, jusqu'à présent "
            "environ 130 pays ont informé le Bureau du Secrétaire général qu'ils soutenaient "
            "l'initiative."
        ),
    ),
    (
        "9.1",
        (
            "La partie azerbaïdjnaise espère que la session extraordinaire aura lieu "
            "aussitot que possible, a dit l'assistant du président de la République, "
            "ajoutant que l'organisation de la session était déjà devenue une question "
            "commune de tous les états membres de l'ONU."
        ),
    ),
    (
        "10.1",
        (
            "L'Azerbaïdjan est prêt à coopérer avec tous les pays membres pour déterminer le "
            "format et les modalités d'organisation de la session extraordinaire de "
            "l'Assemblée générale des Nations Unies sur la lutte contre la pandémie au "
            "niveau des chefs d'État et de gouvernement par visioconférence, et pour obtenir "
            "des résultats nécessaires à la fin de cette session."
        ),
    ),
    (
        "11.1",
        (
            "«Nous sommes convaincus que la session extraordinaire contribuera à mobiliser "
            "la communauté internationale dans la lutte contre le Covid-19 et à trouver une "
            "réponse globale à cette menace globale», a estimé H.Hadjiyev."
        ),
    ),
]


def sentences(text: str, lang: str) -> list[str]:
    return [text[start:end] for start, end in split_sentences(text, lang)]


def test_seed_gives_exactly_its_sentences(seed_path) -> None:
    document = load_document(seed_path)
    assert [(segment.id, segment.text) for segment in document] == SEED_SENTENCES


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Titles and abbreviations never end a sentence...
        ("M. Dupont est arrivé. Il a parlé.", ["M. Dupont est arrivé.", "Il a parlé."]),
        (
            "MM. Dupont et Durand sont là. Mme. Roy aussi.",
            ["MM. Dupont et Durand sont là.", "Mme. Roy aussi."],
        ),
        (
            "Le Dr. Martin soigne. Le Pr. Roy enseigne.",
            ["Le Dr. Martin soigne.", "Le Pr. Roy enseigne."],
        ),
        ("Des fruits, p. ex. Des pommes.", ["Des fruits, p. ex. Des pommes."]),
        (
            "Voir l'art. 3 et la p. 12. Le texte est clair.",
            ["Voir l'art. 3 et la p. 12.", "Le texte est clair."],
        ),
        (
            "Il est né en 52 av. J.-C. Il est mort jeune.",
            ["Il est né en 52 av. J.-C.", "Il est mort jeune."],
        ),
        ("Il mourut en 14 apr. J.-C. à Nola.", ["Il mourut en 14 apr. J.-C. à Nola."]),
        (
            "On vend des pommes, des poires, etc. Le marché ferme tôt.",
            ["On vend des pommes, des poires, etc.", "Le marché ferme tôt."],
        ),
        (
            "Il compte env. 300 habitants. Le maire est âgé.",
            ["Il compte env. 300 habitants.", "Le maire est âgé."],
        ),
        (
            "Le 3 janv. 2020, il a neigé. Le 4 sept. Il pleuvait.",
            ["Le 3 janv. 2020, il a neigé.", "Le 4 sept.", "Il pleuvait."],
        ),
        # ...initials glued to the name or not...
        (
            "Selon H.Hadjiyev, c'est fini. Selon H. Hadjiyev aussi.",
            ["Selon H.Hadjiyev, c'est fini.", "Selon H. Hadjiyev aussi."],
        ),
        (
            "Il a lu J.-P. Sartre. Elle a lu A. Camus.",
            ["Il a lu J.-P. Sartre.", "Elle a lu A. Camus."],
        ),
        ("Un message de H.Hadjiyev. Puis rien.", ["Un message de H.Hadjiyev.", "Puis rien."]),
        # ...but an acronym in capitals at the end does end one.
        (
            "Il a parlé au nom de l'ONU. Le secrétaire général a répondu.",
            ["Il a parlé au nom de l'ONU.", "Le secrétaire général a répondu."],
        ),
        (
            "Un don à l'Organisation mondiale de la santé (OMS). Puis d'autres.",
            ["Un don à l'Organisation mondiale de la santé (OMS).", "Puis d'autres."],
        ),
        # Quotations: an attribution after the closing guillemet stays with the quote.
        (
            "«Nous gagnerons ensemble», a estimé H.Hadjiyev.",
            ["«Nous gagnerons ensemble», a estimé H.Hadjiyev."],
        ),
        (
            "« Oui. », a-t-il répondu. Puis il est parti.",
            ["« Oui. », a-t-il répondu.", "Puis il est parti."],
        ),
        ("Il a dit : « Oui. » Puis il est parti.", ["Il a dit : « Oui. »", "Puis il est parti."]),
        ("Il a dit : «Oui.» Puis il est parti.", ["Il a dit : «Oui.»", "Puis il est parti."]),
        (
            "Il a dit\u00a0: «\u00a0Oui.\u00a0» Puis il est parti.",
            ["Il a dit\u00a0: «\u00a0Oui.\u00a0»", "Puis il est parti."],
        ),
        # A quotation that closes in the paragraph is never cut inside.
        (
            "Il a dit : « Oui. Nous partons. » Puis il est parti.",
            ["Il a dit : « Oui. Nous partons. »", "Puis il est parti."],
        ),
        (
            "«Vraiment ?», a-t-il demandé. Personne ne répondit.",
            ["«Vraiment ?», a-t-il demandé.", "Personne ne répondit."],
        ),
        (
            "« Oui. Non. » Il hésite. « Peut-être. Sans doute.",
            ["« Oui. Non. »", "Il hésite.", "« Peut-être.", "Sans doute."],
        ),
        # Numbers: decimal commas and thousands separators (space, no-break, narrow no-break).
        ("Le taux est de 3,5 %. Il baisse.", ["Le taux est de 3,5 %.", "Il baisse."]),
        (
            "Il y a 1 500 habitants. La ville a 1\u00a0200 maisons. Et 2\u202f300 arbres.",
            ["Il y a 1 500 habitants.", "La ville a 1\u00a0200 maisons.", "Et 2\u202f300 arbres."],
        ),
        ("Plus de 30 pays. 120 pays ont voté.", ["Plus de 30 pays.", "120 pays ont voté."]),
        (
            "Le coût est de 2.5 millions. Il est élevé.",
            ["Le coût est de 2.5 millions.", "Il est élevé."],
        ),
        # Questions, exclamations (French spacing included) and ellipses.
        ("Vraiment ? Oui ! Bien sûr.", ["Vraiment ?", "Oui !", "Bien sûr."]),
        ("Vraiment\u202f? Oui\u00a0! Bien sûr.", ["Vraiment\u202f?", "Oui\u00a0!", "Bien sûr."]),
        ("Quoi ?! Non.", ["Quoi ?!", "Non."]),
        ("Ah ! mais non.", ["Ah ! mais non."]),
        (
            "Il hésita... puis partit. Il attendit… Rien ne vint.",
            ["Il hésita... puis partit.", "Il attendit…", "Rien ne vint."],
        ),
        ("Il attendit... Rien ne vint.", ["Il attendit...", "Rien ne vint."]),
        ("Il a dit que (…) Le reste est connu.", ["Il a dit que (…) Le reste est connu."]),
        # Dates, datelines and parentheses.
        ("Bakou, 27 juin, AZERTAC", ["Bakou, 27 juin, AZERTAC"]),
        (
            "Il est parti le 27 juin. Le lendemain, il est revenu.",
            ["Il est parti le 27 juin.", "Le lendemain, il est revenu."],
        ),
        (
            "La majorité (97 pays suffisent) soutient l'initiative. Le vote suit.",
            ["La majorité (97 pays suffisent) soutient l'initiative.", "Le vote suit."],
        ),
        (
            "Il est parti. (Il est revenu plus tard.) Puis il a dormi.",
            ["Il est parti.", "(Il est revenu plus tard.)", "Puis il a dormi."],
        ),
        # URLs, e-mail addresses and version numbers are not cut.
        (
            "Voir https://azertag.az/fr/xeber/1.html pour tout. Merci.",
            ["Voir https://azertag.az/fr/xeber/1.html pour tout.", "Merci."],
        ),
        (
            "Écrivez à info@azertag.az. Nous répondrons.",
            ["Écrivez à info@azertag.az.", "Nous répondrons."],
        ),
        (
            "La version 2.1.3 est sortie. Voir www.example.org.",
            ["La version 2.1.3 est sortie.", "Voir www.example.org."],
        ),
        # A sentence wrapped over lines (LF or CRLF) is still one sentence; line breaks are not ends.
        (
            "Une phrase coupée\r\nen deux lignes. Une autre\nphrase.",
            ["Une phrase coupée\r\nen deux lignes.", "Une autre\nphrase."],
        ),
        ("Fin de phrase.\r\nDébut d'une autre.", ["Fin de phrase.", "Début d'une autre."]),
        (
            "À l'initiative de M. Ilham Aliyev. À son tour, l'ONU a répondu.",
            ["À l'initiative de M. Ilham Aliyev.", "À son tour, l'ONU a répondu."],
        ),
        # A list number is not a sentence of its own.
        ("1. Introduction générale", ["1. Introduction générale"]),
        # A list in one paragraph is cut before each next number, full stop or not...
        ("1. Les faits 2. Les chiffres", ["1. Les faits", "2. Les chiffres"]),
        ("a) Le sommet. b) La session.", ["a) Le sommet.", "b) La session."]),
        # ...but only a list that opens the paragraph and counts up.
        ("Il a eu 1. Puis 2. Enfin rien.", ["Il a eu 1.", "Puis 2.", "Enfin rien."]),
        ("1. Les faits 3. Les chiffres", ["1. Les faits 3.", "Les chiffres"]),
        # A spaced ellipsis is one mark: it goes on, or ends with its fourth dot.
        ("Il hésita . . . Puis il partit.", ["Il hésita . . . Puis il partit."]),
        ("Il attendit . . . . Rien ne vint.", ["Il attendit . . . .", "Rien ne vint."]),
        ("Il attendit. . . . Rien ne vint.", ["Il attendit.", ". . . Rien ne vint."]),
    ],
)
def test_french(text: str, expected: list[str]) -> None:
    assert sentences(text, "fr") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mr. Smith met Dr. Jones. They talked.", ["Mr. Smith met Dr. Jones.", "They talked."]),
        (
            "Mrs. Brown and Prof. Green left. St. Louis is far.",
            ["Mrs. Brown and Prof. Green left.", "St. Louis is far."],
        ),
        ("I live in the U.S. How about you?", ["I live in the U.S.", "How about you?"]),
        ("The U.S. economy grew. Prices fell.", ["The U.S. economy grew.", "Prices fell."]),
        (
            "Use fruit, e.g. Apples. Or nuts, i.e. Almonds.",
            ["Use fruit, e.g. Apples.", "Or nuts, i.e. Almonds."],
        ),
        ("See No. 5 on the list. It is short.", ["See No. 5 on the list.", "It is short."]),
        ("He said no. Then he left.", ["He said no.", "Then he left."]),
        (
            "We met at 9 a.m. and left at 5 p.m. The day was long.",
            ["We met at 9 a.m. and left at 5 p.m.", "The day was long."],
        ),
        (
            "He works at Acme Inc. The firm is small.",
            ["He works at Acme Inc.", "The firm is small."],
        ),
        ("J. K. Rowling wrote it. She is British.", ["J. K. Rowling wrote it.", "She is British."]),
        ("Read chap. IV first. Then rest.", ["Read chap. IV first.", "Then rest."]),
        ("Is it true? Yes! It is... really.", ["Is it true?", "Yes!", "It is... really."]),
        ('He said "Stop." Then he left.', ['He said "Stop."', "Then he left."]),
        ("He said “Yes. We go.” Then he left.", ["He said “Yes. We go.”", "Then he left."]),
        (
            "It costs $3.50 today. Prices at example.com vary.",
            ["It costs $3.50 today.", "Prices at example.com vary."],
        ),
        ("The UN met. The WHO agreed.", ["The UN met.", "The WHO agreed."]),
        # Only a dot standing alone belongs to a spaced ellipsis.
        ("We use C#. .NET is fine.", ["We use C#.", ".NET is fine."]),
    ],
)
def test_english(text: str, expected: list[str]) -> None:
    assert sentences(text, "en") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Bakı, 27 iyun, AZƏRTAC", ["Bakı, 27 iyun, AZƏRTAC"]),
        (
            "Kitablar, jurnallar və s. Sonra o getdi.",
            ["Kitablar, jurnallar və s.", "Sonra o getdi."],
        ),
        ("Alimlər, həkimlər və b. Hamı gəldi.", ["Alimlər, həkimlər və b.", "Hamı gəldi."]),
        ("Kitablar və s. alındı. Sonra getdi.", ["Kitablar və s. alındı.", "Sonra getdi."]),
        (
            "Bu gün c. Əliyev çıxış etdi. O, çox danışdı.",
            ["Bu gün c. Əliyev çıxış etdi.", "O, çox danışdı."],
        ),
        (
            "Bunu H.Hacıyev bildirib. H. Hacıyev də razıdır.",
            ["Bunu H.Hacıyev bildirib.", "H. Hacıyev də razıdır."],
        ),
        (
            "Şəhər e.ə. 3000-ci ildə salınıb. Əhali artıb.",
            ["Şəhər e.ə. 3000-ci ildə salınıb.", "Əhali artıb."],
        ),
        (
            "Bu b.e. 5-ci əsrdə olub. İndi belə deyil.",
            ["Bu b.e. 5-ci əsrdə olub.", "İndi belə deyil."],
        ),
        (
            "Prof. Məmmədov gəldi. Dos. Quliyev getdi.",
            ["Prof. Məmmədov gəldi.", "Dos. Quliyev getdi."],
        ),
        (
            "Bax məs. Şuşa şəhərinə. Orada dağlar var.",
            ["Bax məs. Şuşa şəhərinə.", "Orada dağlar var."],
        ),
        (
            "Kitabın səh. 12 oxundu. Ümumi fikir yaxşıdır.",
            ["Kitabın səh. 12 oxundu.", "Ümumi fikir yaxşıdır."],
        ),
        (
            "Sammit 2020-ci il iyunun 27-də keçirilib. İlham Əliyev çıxış edib.",
            ["Sammit 2020-ci il iyunun 27-də keçirilib.", "İlham Əliyev çıxış edib."],
        ),
        (
            "Bu barədə AR Prezidenti danışdı. Qərar AR. Ölkə razıdır.",
            ["Bu barədə AR Prezidenti danışdı.", "Qərar AR.", "Ölkə razıdır."],
        ),
        (
            "Bu qərarı BMT verib. Ölkələr razılaşıb. Çox yaxşı. Üzvlər də. Şura da. Ğ hərfi yoxdur.",
            [
                "Bu qərarı BMT verib.",
                "Ölkələr razılaşıb.",
                "Çox yaxşı.",
                "Üzvlər də.",
                "Şura da.",
                "Ğ hərfi yoxdur.",
            ],
        ),
        ("Nə vaxt? Sabah! Yaxşı... görək.", ["Nə vaxt?", "Sabah!", "Yaxşı... görək."]),
        (
            "O dedi: «Biz qalib gələcəyik». Sonra getdi.",
            ["O dedi: «Biz qalib gələcəyik».", "Sonra getdi."],
        ),
        (
            "Ölkə 1 500 ton yardım göndərib. Bu 3,5 faiz artımdır.",
            ["Ölkə 1 500 ton yardım göndərib.", "Bu 3,5 faiz artımdır."],
        ),
        ("Dedi ki, gəldi. ıslaq yol idi.", ["Dedi ki, gəldi. ıslaq yol idi."]),
    ],
)
def test_azerbaijani(text: str, expected: list[str]) -> None:
    assert sentences(text, "az") == expected


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("fr", ["M. Dupont est là.", "Mme. Roy aussi."]),
        ("fr_CA", ["M. Dupont est là.", "Mme. Roy aussi."]),
        ("fr-BE", ["M. Dupont est là.", "Mme. Roy aussi."]),
        # Without French rules "Mme." is an ordinary word, so it may end a sentence.
        ("pt_BR", ["M. Dupont est là.", "Mme.", "Roy aussi."]),
        ("xx", ["M. Dupont est là.", "Mme.", "Roy aussi."]),
    ],
)
def test_language_variants_use_their_base_language_and_unknown_ones_generic_rules(
    lang: str, expected: list[str]
) -> None:
    assert sentences("M. Dupont est là. Mme. Roy aussi.", lang) == expected


def test_generic_rules_still_know_international_abbreviations() -> None:
    assert sentences("O Dr. Silva chegou, etc. Depois saiu.", "pt_BR") == [
        "O Dr. Silva chegou, etc.",
        "Depois saiu.",
    ]


@pytest.mark.parametrize("text", ["", "   ", "\r\n\t \u00a0"])
def test_blank_text_has_no_sentences(text: str) -> None:
    assert split_sentences(text, "fr") == []


def test_spans_are_trimmed_offsets_into_the_text() -> None:
    text = "  \u00a0Première phrase.\r\n  Seconde phrase !  \n"
    assert split_sentences(text, "fr") == [(3, 19), (23, 39)]


# Pieces that exercise every rule, so random texts hit the corner cases together.
_PIECES = [
    "M.",
    "Mme",
    "Dr.",
    "p. ex.",
    "av. J.-C.",
    "etc.",
    "U.S.",
    "H.Hadjiyev",
    "H.",
    "ONU.",
    "və s.",
    "c.",
    "e.ə.",
    "No.",
    "5",
    "1 500",
    "3,5",
    "2.1.3",
    "www.azertag.az",
    "«",
    "»",
    "“",
    "”",
    "(",
    ")",
    "(…)",
    "...",
    "…",
    "?",
    "!",
    ".",
    ",",
    ":",
    "Il",
    "le",
    "Əliyev",
    "İlham",
    "ıslaq",
    "Puis",
    "a",
    "—",
    '"',
    "'",
    "1.",
    "IV",
]
_SPACES = [" ", " ", " ", "", "\n", "\r\n", "\u00a0", "\u202f", "\t", "  ", "\n\n"]


@pytest.mark.parametrize("seed", range(40))
@pytest.mark.parametrize("lang", ["fr", "en", "az", "pt_BR"])
def test_spans_cover_every_non_space_character_once(seed: int, lang: str) -> None:
    rng = random.Random(seed)
    for _ in range(25):
        text = "".join(rng.choice(_PIECES) + rng.choice(_SPACES) for _ in range(rng.randint(0, 60)))
        spans = split_sentences(text, lang)
        covered: list[int] = []
        previous_end = 0
        for start, end in spans:
            assert previous_end <= start < end <= len(text), (text, spans)
            assert not text[start].isspace() and not text[end - 1].isspace(), (text, spans)
            covered.extend(range(start, end))
            previous_end = end
        non_space = [index for index, char in enumerate(text) if not char.isspace()]
        assert [index for index in covered if not text[index].isspace()] == non_space, (text, spans)


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "fr",
            "Je ne sais pas ce qu'il y a. Il part.",
            ["Je ne sais pas ce qu'il y a.", "Il part."],
        ),
        ("fr", "Il pense à. Puis il part.", ["Il pense à.", "Puis il part."]),
        ("en", "He said it was plan a. Then he left.", ["He said it was plan a.", "Then he left."]),
    ],
)
def test_a_lone_lowercase_letter_is_a_word_not_an_initial(lang, text, expected):
    assert [text[a:b] for a, b in split_sentences(text, lang)] == expected
