# The harness every GraalPy task context runs before any user code (GraalPyTask). It loads step code
# into module namespaces of their own, gives each step a caller of its own (_caller), and hands values
# across the Java boundary: interop primitives, and for each map or list one foreign array that _py copies into
# a real dict (insertion order, json.dumps(row), {**row}) or list; JSON text only for ints past 64 bits; so user
# code sees exactly what CPython's json.loads would give. (GraalPy's json.loads is slow: JSON text is the rare
# path.) Results go back as JSON text, written by _encode (json.dumps only for what it does not handle).
#
# Every call (a step's own caller, made by load) returns one of:
#   a str, int, float, bool or None      the result itself (no conversion needed)
#   (json_text,)                         any other JSON value
#   (error_class, message, line)         the call raised; line is the innermost line of the step's code (0: unknown)

# Only built-in modules here (_ast, _json, posix, sys): the first import of a pure-Python module in a process costs
# GraalPy a second or more with the JIT (ast alone ~1.8 s), and every pipeline pays this harness's imports at start.
import _ast
import _json
import builtins as _builtins
import sys as _sys

_MAX_DEPTH = 1000
_CONTAINERS = (dict, list, tuple)


def _loads(text):
    import json  # the rare path (ints past 64 bits): json's import is paid only by pipelines that need it
    return json.loads(text)


def _dumps(value):
    import json
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _no_exit(*args, **kwargs):
    raise SystemExit("os._exit()")


# Ending the process is not a step's business: os._exit would end the whole context (the task's steps). os copies
# posix._exit when it is imported: patched there, a later import of os has the patched one; patched in os too in
# case something imported it already.
try:
    import posix as _posix
    _posix._exit = _no_exit
except ImportError:
    pass
if "os" in _sys.modules:
    _sys.modules["os"]._exit = _no_exit


class Step:
    """One step function: its module namespace and its file name (which tells its frames from others)."""

    def __init__(self, filename, function, row_keys):
        self.filename = filename
        self.function = function
        # None: the function may look at the whole row; else the only keys it can read (_row_keys)
        self.row_keys = row_keys
        self.ignores_row = row_keys is not None and not row_keys


def _innermost_line(exc, filename):
    line = 0
    tb = exc.__traceback__
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == filename:
            line = tb.tb_lineno
        tb = tb.tb_next
    return line


def _error(exc, filename):
    cls = type(exc).__name__
    if isinstance(exc, SystemExit):
        how = "os._exit()" if exc.code == "os._exit()" else "sys.exit(" + ("" if exc.code is None else repr(exc.code)) + ")"
        return ("SystemExit", "the step tried to end the process with " + how + "; a step cannot end a pipeline",
                _innermost_line(exc, filename))
    if isinstance(exc, RecursionError):
        return (cls, "maximum recursion depth exceeded", _innermost_line(exc, filename))
    try:
        message = repr(exc.args[0]) if isinstance(exc, KeyError) and len(exc.args) == 1 else str(exc)
    except BaseException:
        message = ""
    return (cls, message, _innermost_line(exc, filename))


def _keys_are_strings(value, depth):
    if depth > _MAX_DEPTH:
        return  # circular: json.dumps says so
    if isinstance(value, dict):
        for k, v in value.items():
            if not isinstance(k, str):
                raise TypeError("cannot convert a dict with a key of type " + type(k).__name__ + " (" + repr(k)
                                + ") to JSON: keys must be strings")
            if isinstance(v, _CONTAINERS):
                _keys_are_strings(v, depth + 1)
    elif isinstance(value, (list, tuple)):
        for v in value:
            if isinstance(v, _CONTAINERS):
                _keys_are_strings(v, depth + 1)


class _Unusual(Exception):
    """Raised by _encode for what only json.dumps words right (a subclass, a set, inf...): the value goes through it."""


_encode_str = _json.encode_basestring
_float_repr = float.__repr__
_int_repr = int.__repr__
_INFINITY = float("inf")


def _encode(value, parts, depth):
    """JSON text of the values steps return most (dicts, lists, str, int, float, bool, None), into parts:
    json.dumps does the same through a general encoder that costs GraalPy most of a record transform's time."""
    t = type(value)
    if t is str:
        parts.append(_encode_str(value))
    elif t is dict:
        if depth > _MAX_DEPTH:
            raise _Unusual()
        parts.append("{")
        first = True
        for k, v in value.items():
            if type(k) is not str:
                raise _Unusual()
            if first:
                first = False
            else:
                parts.append(",")
            parts.append(_encode_str(k))
            parts.append(":")
            _encode(v, parts, depth + 1)
        parts.append("}")
    elif t is int:
        parts.append(_int_repr(value))
    elif value is None:
        parts.append("null")
    elif t is bool:
        parts.append("true" if value else "false")
    elif t is float:
        if value != value or value == _INFINITY or value == -_INFINITY:
            raise _Unusual()
        parts.append(_float_repr(value))
    elif t is list:
        if depth > _MAX_DEPTH:
            raise _Unusual()
        parts.append("[")
        first = True
        for v in value:
            if first:
                first = False
            else:
                parts.append(",")
            _encode(v, parts, depth + 1)
        parts.append("]")
    else:
        raise _Unusual()


_TOO_DEEP = "circular reference detected (or nesting deeper than 1000 levels)"


def _json_text(value):
    parts = []
    try:
        _encode(value, parts, 0)
        return "".join(parts)
    except _Unusual:
        pass  # json.dumps below, which words what it is
    except RecursionError:
        raise ValueError(_TOO_DEEP) from None
    try:
        _keys_are_strings(value, 0)
    except RecursionError:
        raise ValueError(_TOO_DEEP) from None
    try:
        return _dumps(value)
    except TypeError as e:
        # "Object of type set is not JSON serializable": say it as the Jython engine does
        message = str(e)
        if message.startswith("Object of type ") and message.endswith(" is not JSON serializable"):
            raise TypeError("cannot convert " + message[len("Object of type "):-len(" is not JSON serializable")] + " to JSON") from None
        raise TypeError("cannot convert to JSON: " + message) from None
    except RecursionError:
        raise ValueError(_TOO_DEEP) from None


_LONG_MIN = -(1 << 63)
_LONG_MAX = (1 << 63) - 1


def _out(value):
    # floats go as JSON text: across the boundary 3.0 would read as a whole number
    t = type(value)
    if t is str or t is bool or value is None or (t is int and _LONG_MIN <= value <= _LONG_MAX):
        return value
    return (_json_text(value),)


def _py(value):
    """A value from Java as real Python objects: a map or a list comes as one foreign array (GuestValues.java),
    "d" then keys and values alternating, or "l" then the items."""
    t = type(value)
    if t is str or t is int or t is float or t is bool:
        return value
    if value is None:
        return None  # Java's null comes as a polyglot.ForeignNone that "is None": the real one, please
    n = len(value)
    if value[0] == "d":
        d = {}
        i = 1
        while i < n:
            d[value[i]] = _py(value[i + 1])
            i += 2
        return d
    return [_py(value[i]) for i in range(1, n)]


def _entries_dict(entries):
    """A flat map from Java as the call's trailing arguments (GuestValues.flatEntries): whether any value is null,
    then keys and values alternating. The tuple is GraalPy's own: no read crosses the boundary."""
    d = dict(zip(entries[1::2], entries[2::2]))
    if entries[0]:
        for k, v in d.items():
            if v is None:
                d[k] = None  # Java's null is a foreign None: the real one (same keys, so iterating on is safe)
    return d


def _arg(plain, text):
    if text is not None:
        return _loads(text)
    return _py(plain)


def _result_error(exc, step):
    cls, message, line = _error(exc, step.filename)
    return (cls, message, -1)  # -1: the Java side says "returned by ..."


# --- loading -----------------------------------------------------------------------------------------

def load(code, filename, name, arity):
    """Compiles and runs the code in a module of its own; returns a Step, or an error triple."""
    namespace = {"__name__": "pipeline_step", "__builtins__": _builtins}
    try:
        tree = compile(code, filename, "exec", _ast.PyCF_ONLY_AST, dont_inherit=True)
        code_object = compile(tree, filename, "exec", dont_inherit=True)
    except SyntaxError as e:
        return ("SyntaxError", e.msg, e.lineno or 0)
    try:
        exec(code_object, namespace)
    except BaseException as e:
        return _error(e, filename)
    function = namespace.get(name)
    if function is None:
        return ("KeyError", repr(name) + ": the code defines no function named " + repr(name), -1)
    if not callable(function):
        return ("TypeError", repr(name) + " is a " + type(function).__name__ + ", not a function", -1)
    code = getattr(function, "__code__", None)
    if code is not None and not isinstance(function, type):
        positional = code.co_argcount
        required = positional - len(getattr(function, "__defaults__", None) or ())
        if arity < required or (arity > positional and not code.co_flags & 0x04):
            takes = str(required) if required == positional else str(required) + " to " + str(positional)
            called = name + ("(value, row)" if arity == 2 else "(record)")
            return ("TypeError", name + "() takes " + takes + " positional argument" + ("" if positional == 1 and required == 1 else "s")
                    + " but is called with " + str(arity) + ": " + called, code.co_firstlineno)
    step = Step(filename, function, _row_keys(tree, name, function) if arity == 2 else None)
    step.call = _caller(step, name, arity)
    return step


# Each step gets a caller compiled from its own source text: a code unit of its own, so that its call of the
# step's function is one call site with one target (the JIT inlines it), instead of one harness function whose
# call site sees every step of the context. A flat row or record value (GuestValues.flatEntries) comes as the
# call's trailing arguments; any other as one foreign array (_py), or JSON text (ints past 64 bits).
_FIELD_CALLER = """
def call(value, value_text, row_key, row_value, row_text, *row_entries):
    try:
        if {ignores_row}:
            row = None
        elif row_entries:
            row = _entries_dict(row_entries)
        elif row_text is not None:
            row = _loads(row_text)
        else:
            row = _py(row_value)
        if row is not None and row_key is not None:
            value = row[row_key]
        elif value_text is not None:
            value = _loads(value_text)
        else:
            value = _py(value)
        result = function(value, row)
        {filter_return}
    except BaseException as e:
        return _error(e, filename)
    try:
        return _out(result)
    except BaseException as e:
        return _result_error(e, step)
"""

_RECORD_CALLER = """
def call(key, key_text, value, value_text, topic, partition, offset, timestamp, headers, *value_entries):
    try:
        record = record_dict(key, key_text, value, value_text, topic, partition, offset, timestamp, headers, value_entries)
        result = function(record)
        {filter_return}
    except BaseException as e:
        return _error(e, filename)
    return _transform_result(step, result, topic, partition, offset, timestamp)
"""


def _caller(step, name, arity):
    template = _FIELD_CALLER if arity == 2 else _RECORD_CALLER
    source = template.replace("{ignores_row}", "True" if step.ignores_row else "False").replace(
        "{filter_return}", "return bool(result)" if name == "filter" else "pass")
    namespace = dict(globals())
    namespace["function"] = step.function
    namespace["filename"] = step.filename
    namespace["step"] = step
    exec(compile(source, "<datapipelines-call " + step.filename + ">", "exec", dont_inherit=True), namespace)
    return namespace["call"]


def _iter_child_nodes(node):
    """ast.iter_child_nodes, without importing ast (see the imports above)."""
    for name in node._fields:
        field = getattr(node, name, None)
        if isinstance(field, _ast.AST):
            yield field
        elif isinstance(field, list):
            for item in field:
                if isinstance(item, _ast.AST):
                    yield item


def _walk(node):
    """ast.walk (breadth first, as it is), without importing ast."""
    todo = [node]
    i = 0
    while i < len(todo):
        node = todo[i]
        i += 1
        todo.extend(_iter_child_nodes(node))
        yield node


_INTROSPECTION = {"locals", "vars", "eval", "exec", "dir", "globals", "__import__", "compile"}
_FRAME_ACCESS = {"_getframe", "f_locals", "f_back", "tb_frame", "gi_frame", "cr_frame"}


def _row_keys(tree, name, function):
    """The keys of its second argument (row) that the function can ever read, when it only subscripts row with
    constant strings: row["k"] (also assigned, deleted, augmented), row.get("k"[, default]), "k" in row. Then the row
    is built with those entries only (an empty tuple: not at all, it gets None), and the function cannot tell:
    every key it can name is there when the record has it. None: any other use, so the whole row."""
    code = getattr(function, "__code__", None)
    if code is None or code.co_flags & 0x0C or code.co_argcount < 2:
        return None  # *args/**kwargs, or not a plain function
    definition = None
    for node in tree.body:
        if isinstance(node, _ast.FunctionDef) and node.name == name:
            definition = node
    if definition is None or definition.decorator_list or code.co_firstlineno != definition.lineno:
        return None
    second = definition.args.args[1].arg if len(definition.args.args) > 1 else None
    if second is None:
        return None
    for node in _walk(tree):  # anything in the module that can reach a frame's locals
        if isinstance(node, _ast.Name) and node.id in _INTROSPECTION:
            return None
        if isinstance(node, _ast.Attribute) and node.attr in _FRAME_ACCESS:
            return None
        if isinstance(node, (_ast.Import, _ast.ImportFrom)):
            names = [a.name for a in node.names] + ([node.module] if isinstance(node, _ast.ImportFrom) and node.module else [])
            if any(n.split(".")[0] in ("inspect", "traceback") for n in names):
                return None
    for default in definition.args.defaults + definition.args.kw_defaults:
        if default is not None and any(isinstance(n, _ast.Name) and n.id == second for n in _walk(default)):
            return None
    keys = []
    allowed = set()  # the Name nodes of row in one of the allowed forms
    for node in (n for statement in definition.body for n in _walk(statement)):
        if isinstance(node, (_ast.Nonlocal, _ast.Global)) and second in node.names:
            return None
        if isinstance(node, _ast.arg) and node.arg == second:
            return None  # shadowed in an inner function: keep it simple, build the row
        key = None
        if isinstance(node, _ast.Subscript):
            target, key = node.value, _constant_str(node.slice)
        elif isinstance(node, _ast.Call) and isinstance(node.func, _ast.Attribute) and node.func.attr == "get" \
                and 1 <= len(node.args) <= 2 and not node.keywords:
            target, key = node.func.value, _constant_str(node.args[0])
        elif isinstance(node, _ast.Compare) and len(node.ops) == 1 and isinstance(node.ops[0], (_ast.In, _ast.NotIn)):
            target, key = node.comparators[0], _constant_str(node.left)
        if key is not None and isinstance(target, _ast.Name) and target.id == second:
            allowed.add(id(target))
            if key not in keys:
                keys.append(key)
    for node in (n for statement in definition.body for n in _walk(statement)):
        if isinstance(node, _ast.Name) and (node.id in _INTROSPECTION or (node.id == second and id(node) not in allowed)):
            return None
    return tuple(keys)


def _constant_str(node):
    return node.value if isinstance(node, _ast.Constant) and type(node.value) is str else None


# --- calls -------------------------------------------------------------------------------------------

def record_dict(key, key_text, value, value_text, topic, partition, offset, timestamp, headers, value_entries=()):
    return {"key": _arg(key, key_text), "value": _entries_dict(value_entries) if value_entries else _arg(value, value_text),
            "metadata": {"topic": topic, "partition": partition, "offset": offset, "timestamp": timestamp,
                         "headers": {} if headers is None else _py(headers)}}


def _transform_result(step, result, topic, partition, offset, timestamp):
    """A record transform's result as ([[key, value, headers or None], ...],) in JSON: the records it stands for."""
    try:
        fixed = {"topic": topic, "partition": partition, "offset": offset, "timestamp": timestamp}
        name = step.function.__name__
        if result is None:
            records = []
        elif isinstance(result, dict):
            records = [_record(result, fixed, name + "() returned a record dict")]
        elif isinstance(result, (list, tuple)):
            records = []
            for i, item in enumerate(result):
                what = name + "() returned a " + type(result).__name__ + " whose element " + str(i)
                if not isinstance(item, dict):
                    raise TypeError(what + " is a " + type(item).__name__
                                    + ', not a record dict ({"key": ..., "value": ..., "metadata": ...})')
                records.append(_record(item, fixed, what))
        else:
            raise TypeError(name + "() returned a " + type(result).__name__
                            + ": a record transform returns a record dict, a list of them, or None to drop the record")
        return (_json_text(records),)
    except BaseException as e:
        cls, message, line = _error(e, step.filename)
        return (cls, message, -1)


def _record(d, fixed, what):
    headers = None
    for k in d:
        if k not in ("key", "value", "metadata"):
            raise ValueError(what + " with the key " + repr(k) + ': a record dict has only "key", "value" and "metadata"')
    metadata = d.get("metadata")
    if "metadata" in d:
        if not isinstance(metadata, dict):
            raise TypeError(what + " whose metadata is a " + type(metadata).__name__ + ", not a dict")
        for name, original in fixed.items():
            if name in metadata and metadata[name] != original:
                raise ValueError(what + " with metadata." + name + " = " + str(metadata[name]) + ", but the record's "
                                 + name + " is " + str(original) + " and cannot be changed")
        if "headers" in metadata:
            headers = metadata["headers"]
            if not isinstance(headers, dict):
                raise TypeError(what + " whose metadata.headers is not a dict of str to str")
            for hk, hv in headers.items():
                if not isinstance(hk, str) or (hv is not None and not isinstance(hv, str)):
                    raise TypeError(what + " whose metadata.headers[" + repr(hk) + "] is not a str")
    return [d.get("key"), d.get("value"), headers]


# --- checking (validate) -----------------------------------------------------------------------------

def check(code, name, arity):
    """Compiles without running: returns a list of [line, column, message]."""
    try:
        tree = compile(code, "<code>", "exec", _ast.PyCF_ONLY_AST, dont_inherit=True)
        compile(tree, "<code>", "exec", dont_inherit=True)
    except SyntaxError as e:
        return [[e.lineno or 1, e.offset or 1, e.msg]]
    problems = []
    import importlib.util as _util
    for node in _walk(tree):
        modules = []
        if isinstance(node, _ast.Import):
            modules = [a.name for a in node.names]
        elif isinstance(node, _ast.ImportFrom):
            if node.level:
                problems.append([node.lineno, node.col_offset + 1,
                                 "relative import: step code is a module of its own, with no package to import from"])
                continue
            modules = [node.module]
        for module in modules:
            top = module.split(".")[0]
            try:
                found = top in _sys.builtin_module_names or _util.find_spec(top) is not None
            except BaseException:
                found = False
            if not found:
                problems.append([node.lineno, node.col_offset + 1, "No module named " + repr(top)])
    binding = None
    for node in tree.body:
        if isinstance(node, (_ast.FunctionDef, _ast.AsyncFunctionDef)) and node.name == name:
            binding = node
        elif isinstance(node, (_ast.ClassDef,)) and node.name == name:
            binding = node
        elif _binds(node, name):
            binding = node
    if binding is None:
        problems.append([1, 1, "the code defines no function named '" + name + "'"])
    elif isinstance(binding, _ast.FunctionDef) and not binding.decorator_list:
        args = binding.args
        positional = len(args.posonlyargs) + len(args.args)
        required = positional - len(args.defaults)
        required_kw = [a.arg for a, d in zip(args.kwonlyargs, args.kw_defaults) if d is None]

        def accepts(n):
            return n >= required and (n <= positional or args.vararg is not None)

        if not (accepts(arity) if arity > 0 else accepts(1) or accepts(2)):
            takes = str(required) if required == positional else str(required) + " to " + str(positional)
            called = {1: "1 (record)", 2: "2 (value, row)"}.get(arity, "1 (record) or 2 (value, row)")
            problems.append([binding.lineno, binding.col_offset + 1, "function '" + name + "' takes " + takes + " positional argument"
                             + ("" if positional == 1 and required == 1 else "s") + " but is called with " + called])
        elif required_kw:
            problems.append([binding.lineno, binding.col_offset + 1, "function '" + name + "' has keyword-only parameters without defaults ("
                             + ", ".join(required_kw) + "), which a step cannot pass"])
    return problems


def _binds(node, name):
    targets = []
    if isinstance(node, _ast.Assign):
        targets = node.targets
    elif isinstance(node, (_ast.AnnAssign, _ast.AugAssign)):
        targets = [node.target]
    elif isinstance(node, (_ast.Import, _ast.ImportFrom)):
        return any((a.asname or a.name.split(".")[0]) == name for a in node.names)
    elif isinstance(node, (_ast.If, _ast.Try, _ast.With, _ast.For, _ast.While)):
        return any(_binds(child, name) for child in _iter_child_nodes(node) if isinstance(child, _ast.stmt)) \
            or any(isinstance(child, (_ast.FunctionDef, _ast.ClassDef)) and child.name == name
                   for child in _walk(node))
    return any(isinstance(n, _ast.Name) and n.id == name for t in targets for n in _walk(t))
