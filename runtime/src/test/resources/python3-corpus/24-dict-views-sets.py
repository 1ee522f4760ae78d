# value: {"a": 1, "b": 2, "c": 3}
# row: {"b": 0, "c": 0, "d": 0}
def transform(value, row):
    return [sorted(value.keys() & row.keys()), sorted(value.keys() - row.keys()), sorted(value.keys() | row.keys()),
            sorted(value.items() - {("a", 1)})]
