# value: {"a": 1, "b": 2}
# row: {"c": 3}
def transform(value, row):
    merged = {**value, **row, "a": 10}
    return merged | {"d": 4}
