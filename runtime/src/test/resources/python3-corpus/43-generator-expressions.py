# value: {"items": [{"q": 2, "p": 1.25}, {"q": 1, "p": 3.5}]}
# row: null
def transform(value, row):
    total = sum(i["q"] * i["p"] for i in value["items"])
    return {"total": round(total, 2), "count": len(value["items"]), "any_big": any(i["p"] > 3 for i in value["items"])}
