# value: 0.30000000000000004
# row: null
import math


def transform(value, row):
    return [math.isclose(value, 0.3), value == 0.3, math.prod([1, 2, 3, 4]), math.comb(5, 2), math.dist((0, 0), (3, 4))]
