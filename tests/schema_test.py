#!/usr/bin/env python3
"""Validates sshdiag's JSON output and the built-in signatures against schema/.

Usage: schema_test.py SSHDIAG_BINARY SOURCE_DIR. Exits 77 (skipped) when the
jsonschema module is missing.
"""
import glob
import json
import os
import subprocess
import sys

try:
    import jsonschema
except ImportError:
    print("SKIP: python3-jsonschema is not installed")
    sys.exit(77)

binary, source = sys.argv[1], sys.argv[2]
failures = 0

with open(os.path.join(source, "schema/output.schema.json")) as f:
    output_schema = json.load(f)
with open(os.path.join(source, "schema/signature.schema.json")) as f:
    signature_schema = json.load(f)
jsonschema.Draft202012Validator.check_schema(output_schema)
jsonschema.Draft202012Validator.check_schema(signature_schema)

logs = sorted(glob.glob(os.path.join(source, "corpus/**/*.log"), recursive=True))
inputs = [[log] for log in logs] + [[logs[0], logs[-1]]] if logs else []
inputs.append(["/dev/null"])  # the error document must conform too
for args in inputs:
    run = subprocess.run([binary, "--format", "json", "--top", "0"] + args, capture_output=True)
    try:
        doc = json.loads(run.stdout)
        jsonschema.validate(doc, output_schema, cls=jsonschema.Draft202012Validator)
        if doc["exit_code"] != run.returncode:
            raise ValueError(f"exit_code {doc['exit_code']} but the process exited {run.returncode}")
    except Exception as e:  # noqa: BLE001 - report every failure
        failures += 1
        print(f"FAIL output of {args}: {e}")

for path in sorted(glob.glob(os.path.join(source, "signatures/*.json"))):
    with open(path) as f:
        try:
            jsonschema.validate(json.load(f), signature_schema, cls=jsonschema.Draft202012Validator)
        except Exception as e:  # noqa: BLE001
            failures += 1
            print(f"FAIL {path}: {e}")

print(f"{len(inputs)} outputs and the signatures checked, {failures} failures")
sys.exit(1 if failures else 0)
