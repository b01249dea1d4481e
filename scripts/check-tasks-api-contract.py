#!/usr/bin/env python3
"""Validates tasks API JSON documents against the real API's component schemas.

usage: check-tasks-api-contract.py SCHEMAS_JSON CASES_JSON

CASES_JSON is a list of {"name": ..., "schema": <component name>, "instance": <JSON value>}.
Prints one line per case ("ok NAME" or "FAIL NAME: reason") and exits 1 if any case fails.

Strictness, stated honestly: the transcribed schemas do not set additionalProperties, so on their own
they would accept any misspelt key. This checker closes the request schemas and the Task schema
(additionalProperties: false) and adds only the fields that ../shared/docs/tasks-api.md documents
but the schemas lack:
  - UpdateTaskRequest: "timezone" and "model" (documented PATCH fields),
  - CreateTaskRequest: "model" (documented as optional),
  - Task: "model" (documented task field) and "timezone" (an extension: the local API reports the
    zone it stores; the real API may not).
"HandlerError" is the error shape the live handlers send (the schemas' "Error" is not what they
send, as the schema file itself notes): {"status": "error", "error": string, "missing_fields"?: array}.
Formats "uuid" and "date-time" are checked.
"""
import copy
import json
import re
import sys

import jsonschema

EXTENSIONS = {
    "UpdateTaskRequest": {"timezone": {"type": "string"}, "model": {"type": "string"}},
    "CreateTaskRequest": {"model": {"type": "string"}},
    "DeleteTaskRequest": {},
    "Task": {"model": {"type": "string"}, "timezone": {"type": "string"}},
}

HANDLER_ERROR = {
    "type": "object",
    "required": ["status", "error"],
    "additionalProperties": False,
    "properties": {
        "status": {"const": "error"},
        "error": {"type": "string", "minLength": 1},
        "missing_fields": {"type": "array", "items": {"type": ["string", "integer"]}},
    },
}

RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")


def checker():
    formats = jsonschema.FormatChecker(["uuid"])

    @formats.checks("date-time")
    def is_date_time(value):
        return not isinstance(value, str) or RFC3339.match(value) is not None

    return formats


def closed(document):
    document = copy.deepcopy(document)
    schemas = document["components"]["schemas"]
    for name, extra in EXTENSIONS.items():
        schemas[name]["properties"].update(extra)
        schemas[name]["additionalProperties"] = False
    schemas["HandlerError"] = HANDLER_ERROR
    return document


def main():
    with open(sys.argv[1]) as handle:
        document = closed(json.load(handle))
    with open(sys.argv[2]) as handle:
        cases = json.load(handle)
    formats = checker()
    failed = 0
    for case in cases:
        schema = {"$ref": "#/components/schemas/" + case["schema"], "components": document["components"]}
        validator = jsonschema.Draft202012Validator(schema, format_checker=formats)
        errors = sorted(validator.iter_errors(case["instance"]), key=lambda e: list(e.absolute_path))
        if errors:
            failed += 1
            first = errors[0]
            where = "/".join(str(p) for p in first.absolute_path) or "(root)"
            print(f"FAIL {case['name']}: {where}: {first.message}")
        else:
            print(f"ok {case['name']}")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
