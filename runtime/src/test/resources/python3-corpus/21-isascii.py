# value: ["abc", "äbc", ""]
# row: null
def transform(value, row):
    return [v.isascii() for v in value]
