# value: "https://shop.example.com/p/42?utm_source=mail&ref=a%20b#top"
# row: null
from urllib.parse import urlparse, parse_qs, urlencode, quote


def transform(value, row):
    u = urlparse(value)
    q = parse_qs(u.query)
    return {"host": u.hostname, "path": u.path, "q": q, "again": urlencode({"k": "a b&c"}), "quoted": quote("ä/ö")}
