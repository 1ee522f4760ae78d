# value: "order:eu:123"
# row: null
def transform(value, row):
    return [value.removeprefix("order:"), value.removesuffix(":123"), value.removeprefix("x")]
