# value: {"a": 1, "b": 2, "c": 3}
# row: null
def transform(value, row):
    return {"squares": {k: v * v for k, v in value.items() if v % 2},
            "pairs": [(k, v) for k, v in value.items()],
            "unique": sorted({v % 2 for v in value.values()})}
