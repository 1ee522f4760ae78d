# value: [0.1, 0.2, 0.3]
# row: null
import math


def transform(value, row):
    return [sum(value), math.fsum(value), sum(value) == 0.6, 1e16 + 1, float("1e308") * 10 > 1e308]
