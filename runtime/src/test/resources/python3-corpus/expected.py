"""Writes expected.json: what CPython gives for every step in this folder.

Run with CPython 3.11 or later, from this folder (the command that produced the committed file):

    python3 expected.py > expected.json

Each step file starts with two comment lines, "# value: <json>" and "# row: <json>"; the step's
transform(value, row) is called with them (parsed with json.loads) in a module of its own, and the
result is written as JSON, or the class name of the exception it raised. GraalPyCompatibilityTest
asserts that GraalPy gives the same for every step.
"""
import json
import pathlib
import sys

results = {"python": sys.version.split()[0]}
steps = {}
for path in sorted(pathlib.Path(__file__).parent.glob("[0-9]*.py")):
    lines = path.read_text(encoding="utf-8").splitlines()
    value = json.loads(lines[0].removeprefix("# value: "))
    row = json.loads(lines[1].removeprefix("# row: "))
    namespace = {"__name__": "pipeline_step"}
    exec(compile(path.read_text(encoding="utf-8"), path.name, "exec"), namespace)
    try:
        steps[path.stem] = {"result": json.loads(json.dumps(namespace["transform"](value, row)))}
    except Exception as e:
        steps[path.stem] = {"error": type(e).__name__}
results["steps"] = steps
json.dump(results, sys.stdout, indent=1, ensure_ascii=False)
print()
