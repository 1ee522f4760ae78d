# value: [1, 2, 3, 4, 5]
# row: null
def transform(value, row):
    first, *middle, last = value
    return [first, middle, last, [*middle, *"ab"], max(*value)]
