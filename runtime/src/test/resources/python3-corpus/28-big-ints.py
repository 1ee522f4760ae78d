# value: 12345678901234567890123
# row: null
def transform(value, row):
    return [value * value, value // 7, value % 1000, 2 ** 100, -(2 ** 64), len(str(value))]
