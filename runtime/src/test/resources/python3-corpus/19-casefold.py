# value: "Straße"
# row: null
def transform(value, row):
    return [value.casefold(), value.lower(), value.casefold() == "STRASSE".casefold()]
