"""QA checks, one behaviour at a time, on French sources translated to English and Azerbaijani."""

import dataclasses
from decimal import Decimal

import pytest

from tests.support.po_catalogs import Entry, write_catalog
from workbench.core.checks import CHECKS, Problem, Severity, check_catalog, run_checks
from workbench.core.checks.content import length_range
from workbench.core.checks.numbers import numbers_in
from workbench.core.checks.quotes import quotation_marks
from workbench.core.errors import InputError
from workbench.core.glossary import Concept, Glossary, Term, TermStatus


def found(source, target, target_lang="en", source_lang="fr", **kwargs):
    """The names of the checks that report a problem."""
    return {p.check for p in run_checks(source, target, source_lang, target_lang, **kwargs)}


def messages(check, source, target, target_lang="en", source_lang="fr"):
    problems = run_checks(source, target, source_lang, target_lang, only=[check])
    return [p.message for p in problems]


# --- the registry -----------------------------------------------------------------------


def test_every_check_has_a_one_line_title_from_its_docstring_and_a_severity():
    assert len(CHECKS) == 14
    for name, check in CHECKS.items():
        assert check.name == name
        assert check.title == " ".join(check.function.__doc__.split("\n\n")[0].split())
        assert check.title.endswith(".") and "\n" not in check.title
        assert isinstance(check.severity, Severity)
    assert CHECKS["numbers"].severity is Severity.CRITICAL
    assert CHECKS["placeholders"].severity is Severity.CRITICAL
    assert CHECKS["unchanged"].severity is Severity.FUNCTIONAL
    assert CHECKS["endpunc"].severity is Severity.COSMETIC


def test_problems_are_frozen_values_naming_check_severity_and_message():
    [problem] = run_checks("Le taux est de 3,5 %.", "The rate is 35%.", "fr", "en")
    assert problem == Problem(
        "numbers",
        Severity.CRITICAL,
        "3,5 in the source is not in the translation; 35 in the translation is not in the source",
    )
    with pytest.raises(dataclasses.FrozenInstanceError):
        problem.message = "changed"


def test_only_runs_the_named_checks_and_rejects_unknown_names():
    source, target = "Pourquoi 3 ?", "Why 4."
    assert found(source, target) == {"numbers", "endpunc"}
    assert found(source, target, only=["endpunc"]) == {"endpunc"}
    with pytest.raises(InputError, match="unknown check nosuch"):
        run_checks(source, target, "fr", "en", only=["nosuch"])


def test_clean_translations_pass_every_check():
    pairs = [
        (
            "Le président a reçu 1 500 personnes le 27 juin 2020.",
            "The president received 1,500 people on June 27, 2020.",
            "en",
        ),
        (
            "Le président a reçu 1 500 personnes le 27 juin 2020.",
            "Prezident 27 iyun 2020-ci ildə 1.500 nəfəri qəbul edib.",
            "az",
        ),
        ("Il a dit « oui ».", "He said “yes”.", "en"),
        ("Il a dit « oui ».", "O, “bəli” dedi.", "az"),
        ("Pourquoi le sommet a-t-il été reporté ?", "Why was the summit postponed?", "en"),
        ("Pourquoi le sommet a-t-il été reporté ?", "Sammit niyə təxirə salınıb?", "az"),
    ]
    for source, target, lang in pairs:
        assert run_checks(source, target, "fr", lang) == [], (source, target)


# --- numbers ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "lang", "values"),
    [
        ("1 500 personnes", "fr", ["1500"]),
        ("1\u00a0500 et 1\u202f500", "fr", ["1500", "1500"]),
        ("12 345 678,9", "fr", ["12345678.9"]),
        ("1,500 people", "en", ["1500"]),
        ("1.500 nəfər", "az", ["1500"]),
        ("3,5 %", "fr", ["3.5"]),
        ("3.5%", "en", ["3.5"]),
        ("3,5%", "az", ["3.5"]),
        ("1,500", "fr", ["1.5"]),  # a French comma is a decimal point
        ("In 2019 200 people", "en", ["2019", "200"]),
        ("le 27 juin 2020", "fr", ["27", "6", "2020"]),
        ("June 27, 2020", "en", ["6", "27", "2020"]),
        ("27.06.2020", "az", ["27", "6", "2020"]),
        ("27 iyun 2020-ci il", "az", ["27", "6", "2020"]),
        ("May I come in May?", "en", []),  # a month name only counts next to a number
        ("see %1$s, {0} and https://example.org/a1/2", "en", []),
    ],
)
def test_numbers_are_read_with_each_locales_separators(text, lang, values):
    assert [number.value for number in numbers_in(text, lang)] == [Decimal(v) for v in values]


def test_numbers_written_the_target_way_pass():
    assert "numbers" not in found("Le taux est de 3,5 %.", "The rate is 3.5%.")
    assert "numbers" not in found("Le taux est de 3,5 %.", "Faiz 3,5% təşkil edir.", "az")
    assert "numbers" not in found("Ils étaient 1 500.", "There were 1,500.")
    assert "numbers" not in found("Ils étaient 1 500.", "1.500 nəfər idi.", "az")
    assert "numbers" not in found("Le 27/06/2020.", "On 6/27/2020.")


def test_changed_lost_or_added_numbers_are_critical():
    assert messages(
        "numbers", "Le sommet aura lieu en 2020.", "The summit will take place in 2021."
    ) == [
        "2020 in the source is not in the translation; 2021 in the translation is not in the source"
    ]
    assert messages("numbers", "Il y a 12 pays.", "There are twelve countries.") == [
        "12 in the source is not in the translation"
    ]
    assert messages("numbers", "En 2020.", "2020-ci və 2021-ci illərdə.", "az") == [
        "2021 in the translation is not in the source"
    ]
    [problem] = run_checks("Le taux est de 3,5 %.", "The rate is 35%.", "fr", "en")
    assert problem.severity is Severity.CRITICAL


def test_azerbaijani_dates_with_case_endings_keep_their_month():
    for target in ["Sammit mayın 4-də keçiriləcək.", "Sammit 4 mayda keçiriləcək."]:
        assert "numbers" not in found("Le sommet aura lieu le 4 mai.", target, "az"), target
    assert "numbers" not in found("Il est arrivé le 27 juin.", "O, iyunun 27-də gəldi.", "az")
    assert "numbers" not in found("Il est arrivé le 27 juin.", "O, 27 iyunda gəldi.", "az")
    assert "numbers" not in found("On June 27.", "İyunun 27-də.", "az", "en")
    # The month still counts: a wrong one, or a word that is no inflection of it, is reported.
    assert "numbers" in found("Il est arrivé le 27 juin.", "O, iyulun 27-də gəldi.", "az")
    assert "numbers" in found("Le 4 mai.", "4 mayor.", "az")


def test_clock_times_match_across_notations():
    assert "numbers" not in found("at 6 a.m.", "saat 6:00", "az", "en")
    assert "numbers" not in found("à 6:00", "at 6 a.m.", "en")
    assert "numbers" not in found("at 6 p.m.", "à 18h00", "fr", "en")
    assert "numbers" not in found("at 6 p.m.", "à 6 heures du soir", "fr", "en")
    assert "numbers" not in found("noon", "12:00", "nb", "en")
    assert "numbers" not in found("midnight", "0時", "ja", "en")
    assert "numbers" in found("at 6 a.m.", "saat 7:00", "az", "en")
    assert "numbers" in found("at 6:30", "saat 6:00", "az", "en")


def test_a_month_alone_may_become_its_number():
    assert "numbers" not in found("June", "6月", "ja", "en")
    assert "numbers" not in found("Jan.", "1-р сар.", "mn", "en")
    assert "numbers" not in found("May I come in May?", "Puis-je venir en mai ?", "fr", "en")
    assert "numbers" in found("June", "7月", "ja", "en")


def test_a_number_in_the_wrong_locale_notation_is_reported():
    # 1.500 is one and a half in English; 3.5 is 3 and 5 in Azerbaijani, which writes 3,5.
    assert "numbers" in found("Ils étaient 1 500.", "There were 1.500.")
    assert "numbers" in found("Le taux est de 3,5 %.", "Faiz 3.5% təşkil edir.", "az")


# --- end punctuation ----------------------------------------------------------------------


def test_end_punctuation_must_match():
    assert messages(
        "endpunc", "Pourquoi le sommet a-t-il été reporté ?", "Why was the summit postponed."
    ) == ["the source ends with “?”, the translation with “.”"]
    assert "endpunc" in found("Pourquoi ?", "Niyə.", "az")
    assert "endpunc" in found("La réunion est terminée.", "The meeting is over")
    assert "endpunc" in found("Les participants :", "The participants.")
    assert "endpunc" in found("Titre", "Başlıq.", "az")


def test_end_punctuation_follows_each_languages_conventions():
    assert "endpunc" not in found("Bonjour !", "Hello!")  # French spaces before ! ? : ;
    assert "endpunc" not in found("Nom :", "Ad:", "az")
    assert "endpunc" not in found("Attendez...", "Wait…")
    assert "endpunc" not in found("Il a dit « oui ».", "He said “yes.”")  # the stop moves in
    assert "endpunc" not in found("(voir ci-dessous).", "(see below).")
    assert "endpunc" not in found("Titre", "Title")


# --- brackets and quotation marks ---------------------------------------------------------


def test_brackets_must_match_and_close_in_order():
    assert messages(
        "brackets", "Le comité (créé en 2019) se réunit.", "The committee (created in 2019 meets."
    ) == ["missing )"]
    assert messages("brackets", "Voir l'annexe.", "Əlavəyə [bax.", "az") == ["added ["]
    assert messages("brackets", "Voir (annexe).", "See )annex(.") == [
        "brackets are not closed in order: ) closes nothing open"
    ]
    assert "brackets" not in found("Voir (annexe).", "See (annex).")
    assert "brackets" not in found("Bonjour {name}", "Hello {name}")  # a placeholder, not brackets


def test_human_translation_habits_are_not_false_alarms():
    # Measured on Django's catalogs (bench/check_false_alarms.py): each was a common alarm.
    assert "endpunc" not in found("Jan.", "yanv", "az", "en")  # the dot of an abbreviation
    assert "endpunc" not in found("p.m.", "ညနေ", "my", "en")
    assert "endpunc" not in found("March", "Mar.", "ast", "en")
    assert "endpunc" in found("Done.", "Hazırdır", "az", "en")  # a sentence keeps its stop
    assert "brackets" not in found("Kannada", "Kannada (Hindistan dili)", "az", "en")
    assert "brackets" in found("Central Kurdish (Sorani)", "Kürdcə", "az", "en")
    assert "quotes" not in found("Enter a valid “slug”.", "Düzgün 'slug' daxil edin.", "az", "en")
    assert "quotes" not in found("Enter your e-mail.", 'הזינו דוא"ל.', "he", "en")


def test_quotation_marks_come_from_cldr():
    assert quotation_marks("fr").pairs == (("«", "»"),)
    assert quotation_marks("en").pairs == (("“", "”"), ("‘", "’"))
    assert quotation_marks("az").pairs[0] == ("“", "”")
    assert quotation_marks("de").pairs[0] == ("„", "“")
    assert quotation_marks("fr_CH").pairs == (("«", "»"), ("‹", "›"))  # a regional variant
    assert quotation_marks("fr_BE").pairs == (("«", "»"),)  # falls back to fr
    assert quotation_marks("xx").pairs[0] == ("“", "”")  # CLDR's root


def test_quotes_converted_to_the_target_languages_marks_pass():
    assert "quotes" not in found("Il a dit « oui ».", "He said “yes”.")
    assert "quotes" not in found("Il a dit « oui ».", "O, “bəli” dedi.", "az")
    assert "quotes" not in found("Er sagte „ja“.", "Il a dit « oui ».", "fr", "de")
    assert "quotes" not in found("L’article d’hier.", "Yesterday’s article.")  # apostrophes


def test_quotes_left_in_the_source_languages_style_are_reported():
    assert messages("quotes", "Il a dit « oui ».", "He said « yes ».") == [
        "« » are not how en quotes: use “…”"
    ]
    assert messages("quotes", "Il a dit « oui ».", "O, «bəli» dedi.", "az") == [
        "« » are not how az quotes: use “…”"
    ]
    assert messages("quotes", "Il a dit « oui ».", 'He said "yes".') == [
        'straight quotes " where en writes “…”'
    ]
    assert "quotes" not in found('Il a dit "oui".', 'He said "yes".')  # straight in, straight out


def test_lost_and_unclosed_quotations_are_reported():
    assert messages("quotes", "Il a dit « oui ».", "He said “yes.") == [
        "the source has 2 quotation marks, the translation 1"
    ]
    assert messages("quotes", "Il a dit « oui ».", "He said “yes“.") == [
        "2 “ but 0 ”: a quotation is not closed"
    ]


# --- untranslated and unchanged -----------------------------------------------------------


def test_untranslated_entries_get_only_that_problem():
    assert found("Le rapport est disponible.", "") == {"untranslated"}
    assert messages("untranslated", "Le rapport est disponible.", "   ", "az") == [
        "the translation is only white space"
    ]
    assert found("", "") == set()


def test_a_copy_of_the_source_is_reported():
    assert messages("unchanged", "Le rapport est disponible.", "Le rapport est disponible.") == [
        "the translation is the same as the source"
    ]
    assert "unchanged" in found("Le rapport est disponible.", "le rapport  est disponible.", "az")
    assert "unchanged" in found("Stop. Stop.", "Stop. Stop.")


def test_cognates_short_strings_and_same_language_copies_are_not_unchanged():
    # One word is as likely a cognate or a name as an oversight (pofilter's threshold, raised
    # to two words of two letters): Date, Total, Afrikaans, April, a.m.
    for text in ["Date", "Total", "Information", "Afrikaans", "Bonjour", "a.m.", "IPv4"]:
        assert "unchanged" not in found(text, text), text
    assert "unchanged" in found("Raw binary data", "Raw binary data")
    # en → en_GB: copying most strings is the translation.
    assert "unchanged" not in found("Enter a valid date.", "Enter a valid date.", "en_GB", "en")


def test_strings_with_nothing_to_translate_may_stay_the_same():
    for text in [
        "Ilham Aliyev",
        "AZERTAC",
        "ONU",
        "2020",
        "https://azertag.az",
        "%s : %d",
        "12,5 %",
    ]:
        assert "unchanged" not in found(text, text), text
    assert "unchanged" in found("Stop. Stop.", "Stop. Stop.")  # two sentences, not a name


# --- doubled words and spacing ------------------------------------------------------------


def test_doubled_words_are_reported():
    assert messages(
        "doublewords", "La déclaration a été adoptée.", "The the declaration was adopted."
    ) == ["the word “the” is repeated"]
    assert "doublewords" in found(
        "La déclaration a été adoptée.", "Bəyannamə qəbul qəbul edildi.", "az"
    )
    assert "doublewords" not in found("Il a dit : stop, stop !", "He said: stop, stop!")
    assert "doublewords" not in found("We had had enough.", "Nous nous sommes vus.", "fr", "en")


def test_double_spaces_are_reported_unless_the_source_has_them():
    assert messages("doublespacing", "Le texte final est prêt.", "The final  text is ready.") == [
        "1 double space in the translation, no double space in the source"
    ]
    assert "doublespacing" in found("Le texte final est prêt.", "Yekun  mətn hazırdır.", "az")
    assert "doublespacing" not in found("Nom :  Prénom :", "Name:  First name:")


def test_leading_and_trailing_white_space_must_match():
    assert messages("endwhitespace", "Nom : ", "Name:") == [
        "the source ends with a space, the translation with no white space"
    ]
    assert messages("endwhitespace", "Nom :", "Ad:\n ", "az") == [
        "the source ends with no white space, the translation with a line break and a space"
    ]
    assert messages("startwhitespace", "  Bonjour.", "Hello.") == [
        "the source starts with 2 spaces, the translation with no white space"
    ]
    assert found("\tBonjour.\n", "\tHello.\n") == set()


# --- sentences and length -----------------------------------------------------------------


def test_sentence_count_uses_each_languages_segmentation():
    assert messages(
        "sentencecount", "Le ministre est arrivé. Il a parlé.", "The minister arrived and spoke."
    ) == ["2 sentences in the source, 1 sentence in the translation"]
    assert "sentencecount" in found("Le ministre est arrivé.", "Nazir gəldi. O danışdı.", "az")
    # "M." is an abbreviation, not the end of a sentence.
    assert "sentencecount" not in found(
        "Le président, M. Aliyev, est arrivé.", "President Aliyev arrived."
    )


def test_length_ratio_is_judged_per_language_pair():
    low, high = length_range("fr", "en")
    assert low < 1 / 1.2 < high and high < 2  # English is expected shorter than French
    assert length_range("en", "fr")[1] > 2
    source = "Le président a reçu les ambassadeurs des pays voisins."
    assert messages("length", source, "The president.") == [
        "the translation is shorter than expected: 14 characters for 54 "
        "(expected 0.42–1.67 times as long for fr→en)"
    ]
    assert "length" in found(source, "Prezident qonşu ölkələrin səfirlərini qəbul edib. " * 3, "az")
    assert "length" not in found(
        source, "The president received the ambassadors of neighbouring countries."
    )
    assert "length" not in found("Non.", "No, no, no, absolutely not.")  # too short to judge


# --- placeholders and glossary ------------------------------------------------------------


def test_printf_placeholders_must_survive_in_any_numbered_order():
    source = "Bonjour %s, vous avez %d messages."
    assert messages("placeholders", source, "Hello %s, you have messages.") == [
        "printf placeholder %d missing from the translation"
    ]
    assert "placeholders" not in found(source, "Salam %s, %d mesajınız var.", "az")
    assert "placeholders" not in found(source, "%2$d messages for %1$s.")
    assert messages("placeholders", source, "%d messages for %s.") == [
        "printf placeholders %d %s are in another order than in the source; number them to reorder (%2$d %1$s)"
    ]
    assert "placeholders" in found("Fichier %(name)s", "File %(nom)s")
    assert "placeholders" not in found("Hausse de 50 % des prix.", "Prices up 50%.")  # not printf
    assert run_checks("Bonjour %s", "Hello %s", "fr", "en", only=["placeholders"]) == []


def test_brace_placeholders_must_survive():
    assert messages("placeholders", "Bonjour {name}.", "Hello {nom}.") == [
        "placeholder {name} missing from the translation; placeholder {nom} not in the source"
    ]
    assert "placeholders" not in found(
        "{count} fichiers dans {folder}", "{folder} qovluğunda {count} fayl", "az"
    )
    assert "placeholders" not in found("Écrire {{ et }}.", "Write {{ and }}.")


def test_term_placeholders_left_in_the_output_are_critical():
    problems = run_checks("L'ONU a voté.", "The ZX1Q voted.", "fr", "en")
    assert problems == [
        Problem(
            "placeholders",
            Severity.CRITICAL,
            "term placeholder ZX1Q left in the translation: a glossary term was lost",
        )
    ]
    # with an inflection glued on, and in the other shapes term protection uses
    assert "placeholders" in found("L'ONU a voté.", "ZX1Qnin səsverməsi.", "az")
    assert "placeholders" in found("Bakou et l'ONU.", "QZ1X and XQ2Z.")
    assert found("Le modèle XZX1Q.", "The XZX1Q model.") == set()  # part of a word


GLOSSARY = Glossary(
    (
        Concept(
            "onu",
            (
                Term("ONU", "fr", term_type="acronym"),
                Term("UN", "en", term_type="acronym"),
                Term("UNO", "en", status=TermStatus.DEPRECATED),
                Term("BMT", "az", term_type="acronym"),
            ),
        ),
    )
)


def test_glossary_terms_are_checked_when_a_glossary_is_given():
    source = "L'ONU a voté."
    assert run_checks(source, "The UN voted.", "fr", "en", glossary=GLOSSARY) == []
    assert run_checks(source, "BMT səs verdi.", "fr", "az", glossary=GLOSSARY) == []
    assert run_checks(source, "The UNO voted.", "fr", "en", glossary=GLOSSARY) == [
        Problem("glossary", Severity.FUNCTIONAL, '"ONU" must be translated as "UN"'),
        Problem("glossary", Severity.FUNCTIONAL, '"UNO" is a deprecated term; use "UN"'),
    ]
    assert [
        p.message for p in run_checks(source, "Təşkilat səs verdi.", "fr", "az", glossary=GLOSSARY)
    ] == ['"ONU" must be translated as "BMT"']


def test_glossary_check_is_skipped_without_a_glossary():
    assert run_checks("L'ONU a voté.", "The UNO voted.", "fr", "en", only=["glossary"]) == []


# --- catalogs -------------------------------------------------------------------------------


def test_check_catalog_checks_live_entries_including_fuzzy_and_skips_obsolete(tmp_path):
    path = write_catalog(
        tmp_path / "locales/en/LC_MESSAGES/news.po",
        [
            ("Le président a reçu 1 500 personnes.", "The president received 1,500 people."),
            ("Le taux est de 3,5 %.", "The rate is 35%."),
            Entry("Pourquoi ?", "Why.", fuzzy=True),
            Entry("Ancien texte.", "Old old text.", obsolete=True),
            ("Texte à traduire.", ""),
        ],
    )
    report = check_catalog(path)
    assert [(e.line, e.msgid, e.fuzzy, [p.check for p in e.problems]) for e in report] == [
        (15, "Le taux est de 3,5 %.", False, ["numbers"]),
        (18, "Pourquoi ?", True, ["endpunc"]),  # the entry starts at its flags
        (22, "Texte à traduire.", False, ["untranslated"]),
    ]
    assert report[0].worst is Severity.CRITICAL
    assert check_catalog(path, only=["endpunc"])[0].msgid == "Pourquoi ?"


def test_check_catalog_checks_each_plural_form_against_its_source(tmp_path):
    path = write_catalog(
        tmp_path / "az.po",
        [
            Entry(
                "%d fichier",
                msgid_plural="%d fichiers",
                msgstr_plural={0: "%d fayl", 1: "fayllar"},
            )
        ],
        language="az",
    )
    [entry] = check_catalog(path)
    assert entry.problems == (
        Problem(
            "placeholders",
            Severity.CRITICAL,
            "plural form 1: printf placeholder %d missing from the translation",
        ),
    )


def test_a_plural_form_for_one_number_may_leave_its_placeholder_out(tmp_path):
    # English: form 0 is for n = 1 only (msgfmt checks it leniently), form 1 for every other n.
    path = write_catalog(
        tmp_path / "en.po",
        [
            Entry(
                "%d fichier",
                msgid_plural="%d fichiers",
                msgstr_plural={0: "one file", 1: "%d files"},
            ),
            Entry(
                "%d dossier",
                msgid_plural="%d dossiers",
                msgstr_plural={0: "one folder %s", 1: "folders"},
            ),
        ],
    )
    [entry] = check_catalog(path, only=["placeholders"])
    assert entry.msgid == "%d dossier"
    assert [p.message for p in entry.problems] == [
        "plural form 0: printf placeholder %s not in the source",
        "plural form 1: printf placeholder %d missing from the translation",
    ]


def test_languages_come_from_headers_then_folders_then_defaults(tmp_path):
    pair = [("Le sommet de 2020.", "Sammit 2020")]
    by_folder = write_catalog(tmp_path / "locales/az/LC_MESSAGES/x.po", pair, language=None)
    assert [p.check for p in check_catalog(by_folder)[0].problems] == ["endpunc"]
    # no X-Source-Language: English is assumed; --from overrides it
    no_source = write_catalog(tmp_path / "y.po", [("Bonjour !", "Hello!")], source_language=None)
    assert check_catalog(no_source) == []
    orphan = write_catalog(tmp_path / "z.po", pair, language=None)
    with pytest.raises(InputError, match=r"cannot tell the language of .*z\.po"):
        check_catalog(orphan)
    with pytest.raises(InputError, match="unknown language code 'zz'"):
        check_catalog(no_source, source_lang="zz")


def test_a_malformed_or_missing_catalog_is_an_input_error(tmp_path):
    broken = tmp_path / "broken.po"
    broken.write_text('msgid "open\nmsgstr "x"\n', encoding="utf-8")
    with pytest.raises(InputError, match="not a valid PO file"):
        check_catalog(broken)
    with pytest.raises(InputError, match="not found"):
        check_catalog(tmp_path / "missing.po")
