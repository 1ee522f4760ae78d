# value: [7, 2]
# row: null
def transform(value, row):
    a, b = value
    return [a / b, a // b, a % b, -a // b, divmod(-a, b), 1 / 4]
