"""Search input from visitors, made safe for the search backend."""

import re

_NOT_A_WORD = re.compile(r"[^\w\s'’-]+")


def clean_query(text):
    """Words only, at most 200 characters.

    Quotes, brackets and operators mean something to the search backend, not
    to a visitor; an unbalanced quote even breaks SQLite's full-text search.
    """
    return " ".join(_NOT_A_WORD.sub(" ", text.replace("\x00", " ")).split())[:200]
