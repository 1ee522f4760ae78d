# value: [3, 1, 2]
# row: null
from typing import Optional


def transform(value: list[int], row: Optional[dict]) -> list[int]:
    total: int = sum(value)
    return sorted(value) + [total]
