# value: "  Hello, World  "
# row: null
def transform(value, row):
    s = value.strip()
    return [s.partition(","), s.split(", "), s.swapcase(), s.zfill(15), s.startswith(("He", "x")), s.count("l"), s[::-1]]
