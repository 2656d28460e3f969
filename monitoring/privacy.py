"""Small numbers protect people: a count of 1 to 4 people is shown and exported as '<5'.

Zero is shown as 0: it says nobody came, which identifies no one. This is the
only place the rule lives; the dashboard's HTML, CSV and XLSX all call it.
"""

SMALL = 5
SMALL_LABEL = "<5"


def shown(value, describes_people=False, decimals=0):
    """The value as it may be shown: '<5' for 1 to 4 people, else the number with `decimals` decimals."""
    if value is None:
        return ""
    if describes_people and 0 < value < SMALL:
        return SMALL_LABEL
    return f"{float(value):.{decimals}f}"
