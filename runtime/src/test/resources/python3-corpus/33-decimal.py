# value: "19.99"
# row: null
from decimal import Decimal, ROUND_HALF_UP


def transform(value, row):
    price = Decimal(value)
    vat = (price * Decimal("0.19")).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    return [str(vat), str(price + vat), float(price + vat)]
