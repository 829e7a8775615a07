"""A realistic gettext template, as `pybabel extract` writes one for a small web application.

It holds what a localiser meets in real catalogs: plural entries, msgctxt ("May" the month
and "May" the verb), python-format (`%(name)s`, `%d`), python-brace-format (`{count}`),
c-format with positions (`%1$s`), HTML markup and entities, leading and trailing `\n`, URLs
and e-mail addresses, developer comments and references.
"""

from __future__ import annotations

from pathlib import Path

POT_TEXT = r"""# Translations template for shop.
# Copyright (C) 2026 ORGANIZATION
# This file is distributed under the same license as the shop project.
# FIRST AUTHOR <EMAIL@ADDRESS>, 2026.
#
#, fuzzy
msgid ""
msgstr ""
"Project-Id-Version: shop 2.1\n"
"Report-Msgid-Bugs-To: i18n@shop.example.org\n"
"POT-Creation-Date: 2026-11-30 10:00+0000\n"
"PO-Revision-Date: YEAR-MO-DA HO:MI+ZONE\n"
"Last-Translator: FULL NAME <EMAIL@ADDRESS>\n"
"Language-Team: LANGUAGE <LL@li.org>\n"
"MIME-Version: 1.0\n"
"Content-Type: text/plain; charset=utf-8\n"
"Content-Transfer-Encoding: 8bit\n"
"Generated-By: Babel 2.16.0\n"

#. The page title, shown in the browser tab.
#: shop/templates/base.html:4
msgid "Welcome to the shop"
msgstr ""

#: shop/views.py:21
#, python-format
msgid "Hello %(name)s, you have new messages."
msgstr ""

#: shop/views.py:30
#, python-format
msgid "%(count)d item in your basket"
msgid_plural "%(count)d items in your basket"
msgstr[0] ""
msgstr[1] ""

#: shop/views.py:41
#, python-brace-format
msgid "{count} file was removed"
msgid_plural "{count} files were removed"
msgstr[0] ""
msgstr[1] ""

#: shop/views.py:52
#, python-brace-format
msgid "Order {order_id} ships on {date}."
msgstr ""

#: shop/native/export.c:88
#, c-format
msgid "Copied %1$s to %2$s."
msgstr ""

#: shop/native/export.c:95
#, c-format
msgid "%d record exported"
msgid_plural "%d records exported"
msgstr[0] ""
msgstr[1] ""

#. Month name, in the order form's calendar.
#: shop/templates/calendar.html:12
msgctxt "month"
msgid "May"
msgstr ""

#. As in "you may cancel the order".
#: shop/templates/order.html:30
msgctxt "permission"
msgid "May"
msgstr ""

#: shop/templates/order.html:44
msgid "Read the <a href=\"https://shop.example.org/terms\">terms</a> &amp; conditions."
msgstr ""

#: shop/templates/help.html:7
msgid "Write to support@shop.example.org or visit https://shop.example.org/help today."
msgstr ""

#: shop/cli.py:15
msgid ""
"\n"
"Export finished.\n"
msgstr ""

#: shop/views.py:77
#, python-format
msgid "Discount: 20%% off the price of %s"
msgstr ""

#: shop/views.py:80
#, no-python-format
msgid "Save 100% on shipping"
msgstr ""

#: shop/templates/base.html:9
msgid "<strong>Free</strong> delivery in the city"
msgstr ""
"""

# The entries with placeholders or markup whose text must come through unchanged.
PROTECTED_PIECES = {
    "Hello %(name)s, you have new messages.": ["%(name)s"],
    "Order {order_id} ships on {date}.": ["{order_id}", "{date}"],
    "Copied %1$s to %2$s.": ["%1$s", "%2$s"],
    "Discount: 20%% off the price of %s": ["%%", "%s"],
    "<strong>Free</strong> delivery in the city": ["<strong>", "</strong>"],
}


def write_pot(folder: Path, name: str = "shop.pot") -> Path:
    path = Path(folder) / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(POT_TEXT, encoding="utf-8")
    return path
