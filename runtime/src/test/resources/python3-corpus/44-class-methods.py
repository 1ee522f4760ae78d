# value: {"w": 3, "h": 4}
# row: null
class Rect:
    def __init__(self, w, h):
        self.w, self.h = w, h

    @classmethod
    def from_dict(cls, d):
        return cls(d["w"], d["h"])

    @staticmethod
    def unit():
        return Rect(1, 1)

    def __repr__(self):
        return f"Rect({self.w}x{self.h})"

    def __eq__(self, other):
        return (self.w, self.h) == (other.w, other.h)


def transform(value, row):
    r = Rect.from_dict(value)
    return [repr(r), r == Rect(3, 4), repr(Rect.unit()), vars(r)]
