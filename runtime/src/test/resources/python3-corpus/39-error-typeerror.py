# value: "5"
# row: null
def transform(value, row):
    return value + 5
