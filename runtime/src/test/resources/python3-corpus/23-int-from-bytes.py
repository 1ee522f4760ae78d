# value: "AQID"
# row: null
import base64


def transform(value, row):
    raw = base64.b64decode(value)
    return [int.from_bytes(raw, "big"), int.from_bytes(raw, "little"), (258).to_bytes(2, "big").hex()]
