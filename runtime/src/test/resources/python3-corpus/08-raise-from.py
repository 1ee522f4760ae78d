# value: "x"
# row: null
def parse(text):
    try:
        return int(text)
    except ValueError as e:
        raise KeyError("bad number") from e


def transform(value, row):
    try:
        parse(value)
    except KeyError as e:
        return [str(e), type(e.__cause__).__name__]
