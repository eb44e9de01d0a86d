#!/usr/bin/env python3
"""Validates sshdiag's JSON output and the built-in signatures against schema/.

Usage: schema_test.py SSHDIAG_BINARY SOURCE_DIR. Exits 77 (skipped) when the
jsonschema module is missing.
"""
import concurrent.futures
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
# Every log is validated inside a multi-input document (one process per batch
# keeps this test fast as the corpus grows); a few logs also on their own, and
# the error document (empty input) too.
BATCH = 25
inputs = [logs[i:i + BATCH] for i in range(0, len(logs), BATCH)]
inputs += [[log] for log in logs[::50]]
inputs.append(["/dev/null"])


def run_one(args):
    return args, subprocess.run([binary, "--format", "json", "--top", "0"] + args, capture_output=True)


with concurrent.futures.ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
    runs = list(pool.map(run_one, inputs))
for args, run in runs:
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
