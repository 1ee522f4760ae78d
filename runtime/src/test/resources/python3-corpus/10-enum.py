# value: "PAID"
# row: null
from enum import Enum, auto


class Status(Enum):
    NEW = auto()
    PAID = auto()
    SHIPPED = auto()


def transform(value, row):
    s = Status[value]
    return [s.name, s.value, [m.name for m in Status if m.value > s.value]]
