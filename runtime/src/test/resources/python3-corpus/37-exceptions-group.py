# value: "x"
# row: null
class ValidationError(ValueError):
    def __init__(self, field, problem):
        super().__init__(f"{field}: {problem}")
        self.field = field


def transform(value, row):
    try:
        raise ValidationError("email", "missing @")
    except ValueError as e:
        return [str(e), e.field, type(e).__mro__[1].__name__]
