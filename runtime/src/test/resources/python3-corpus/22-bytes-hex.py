# value: "hello"
# row: null
import hashlib


def transform(value, row):
    data = value.encode("utf-8")
    return [data.hex(), data.hex(":", 2), hashlib.sha256(data).hexdigest()[:16], bytes.fromhex("cafe").hex()]
