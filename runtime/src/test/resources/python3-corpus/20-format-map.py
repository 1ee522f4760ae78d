# value: {"name": "Ada", "city": "London"}
# row: null
class Default(dict):
    def __missing__(self, key):
        return "?"


def transform(value, row):
    return "{name} from {city}, {country}".format_map(Default(value))
