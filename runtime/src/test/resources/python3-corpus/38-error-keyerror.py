# value: null
# row: {"a": 1}
def transform(value, row):
    return row["missing"]
