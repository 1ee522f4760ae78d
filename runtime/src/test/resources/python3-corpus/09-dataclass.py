# value: {"sku": "A1", "qty": 2, "price": 2.5}
# row: null
from dataclasses import dataclass, asdict, field


@dataclass(frozen=True)
class Line:
    sku: str
    qty: int
    price: float
    tags: list = field(default_factory=list)

    @property
    def total(self) -> float:
        return self.qty * self.price


def transform(value, row):
    line = Line(**value)
    return {**asdict(line), "total": line.total}
