# value: "order-12345-eu"
# row: null
import re


def transform(value, row):
    if (m := re.search(r"(\d+)", value)) is not None:
        return int(m.group(1))
    return None
