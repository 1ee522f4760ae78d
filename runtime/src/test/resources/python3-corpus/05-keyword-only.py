# value: "abc"
# row: null
def pad(text, *, width=6, fill="*"):
    return text.center(width, fill)


def transform(value, row):
    return [pad(value), pad(value, width=9, fill="-")]
