# value: 1234567.891
# row: null
def transform(value, row):
    return [f"{value:,.2f}", f"{value:e}", f"{int(value):_x}", "%s-%05.1f" % ("v", 3.14159), f"{'ok'!r:>6}", f"{value=}"]
