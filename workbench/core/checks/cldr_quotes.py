"""Quotation marks per locale, from CLDR (`<delimiters>` in common/main/*.xml).

babel ships no delimiter data, so the table is CLDR's, read once through ICU 77.1 (CLDR 47, the
release babel 2.19 is built from) with PyICU, outside the project:

    for each locale in icu.Locale.getAvailableLocales():
        icu.LocaleData(locale).getDelimiter(QUOTATION_START, QUOTATION_END,
                                            ALT_QUOTATION_START, ALT_QUOTATION_END)

Only locales that differ from their fallback are kept (the same fallback `quotation_marks`
applies: drop the last `_` part, then CLDR's root, “ ” ‘ ’). Each value is four characters:
start, end, alternate start, alternate end.
"""

from __future__ import annotations

ROOT_DELIMITERS = "“”‘’"

DELIMITERS: dict[str, str] = {
    "agq": "„”‚’", "am": "«»‹›", "ar": "”“’‘", "ast": "«»“”", "az_Cyrl": "«»‹›", "bas": "«»„“",
    "be": "«»„“", "bg": "„“„“", "blo": "«»“”", "bm": "«»“”", "br": "«»“”", "bs": "„”‘’",
    "bs_Cyrl": "„“‚‘", "ca": "«»“”", "cs": "„“‚‘", "cv": "«»„“", "de": "„“‚‘", "dsb": "„“‚‘",
    "dua": "«»‘’", "dyo": "«»“”", "el": "«»“”", "es_US": "«»“”", "et": "„“‚‘", "eu": "«»“”",
    "ewo": "«»“”", "fa": "«»‹›", "ff": "„”‚’", "ff_Adlm": "“”‘’", "fi": "””’’", "fr": "«»«»",
    "fr_CA": "«»”“", "fr_CH": "«»‹›", "fur": "‘’“”", "gsw": "«»‹›", "he": "””’’", "hr": "„“‚‘",
    "hsb": "„“‚‘", "hu": "„”»«", "hy": "«»«»", "ia": "‘’“”", "ie": "«»“”", "is": "„“‚‘",
    "it": "«»“”", "ja": "「」『』", "jgo": "«»‹›", "ka": "„“«»", "kab": "«»“”", "kk": "«»“”",
    "kkj": "«»‹›", "ksf": "«»‘’", "ksh": "„“‚‘", "ky": "«»„“", "lag": "””’’", "lb": "„“‚‘",
    "lij": "«»“”", "lt": "„“„“", "luy": "„“‚‘", "mg": "«»“”", "mk": "„“‚‘", "mua": "«»“”",
    "mzn": "«»‹›", "nb": "«»‘’", "nds": "„“‚‘", "nl": "‘’‘’", "nmg": "„”«»", "nn": "«»‘’",
    "nnh": "«»“”", "no": "«»‘’", "nso": "‘’“”", "oc": "«»«»", "os": "«»„“", "pl": "„”«»",
    "prg": "„“„“", "pt_AO": "«»“”", "pt_CH": "«»“”", "pt_CV": "«»“”", "pt_GQ": "«»“”",
    "pt_GW": "«»“”", "pt_LU": "«»“”", "pt_MO": "«»“”", "pt_MZ": "«»“”", "pt_PT": "«»“”",
    "pt_ST": "«»“”", "pt_TL": "«»“”", "rm": "«»‹›", "rn": "””’’", "ro": "„”«»", "ru": "«»„“",
    "rw": "«»‘’", "sah": "«»„“", "sc": "«»“”", "se": "””’’", "sg": "«»“”", "shi": "«»„”",
    "sk": "„“‚‘", "sl": "„“‚‘", "sn": "””’’", "sq": "«»“”", "sr": "„”’’", "st": "“’“”",
    "sv": "””’’", "syr": "”“’‘", "szl": "„”»«", "ti": "«»“”", "ti_ER": "‘’“”", "tk": "“”“”",
    "tn": "‘’“”", "ug": "»«›‹", "uk": "«»„“", "ur": "”“’‘", "uz": "“”’‘", "uz_Arab": "“”‘’",
    "uz_Cyrl": "“”‘’", "wae": "«»‹›", "yav": "«»«»", "yi": "””’’", "yue": "「」『』",
    "yue_Hans": "“”‘’", "zgh": "«»„”", "zh_Hant": "「」『』",
}
