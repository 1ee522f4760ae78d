# value: [1.5, 2.5]
# row: null
from typing import NamedTuple


class Point(NamedTuple):
    x: float
    y: float


def transform(value, row):
    p = Point(*value)
    return p._asdict() | {"sum": p.x + p.y}
