# value: [2.5, 3.5, -0.5, 2.675, 1234.5678]
# row: null
def transform(value, row):
    return [round(v) for v in value[:3]] + [round(value[3], 2), round(value[4], -2)]
