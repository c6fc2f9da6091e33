#!/usr/bin/env python3
"""Checks every JSON form fixture, and what evalsheet writes for each TSV fixture, against
Templates/form.schema.json with the independent jsonschema validator. Usage: check_json_schema.py EVALSHEET"""
import glob, json, os, subprocess, sys, tempfile
import jsonschema

root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
schema = json.load(open(os.path.join(root, "Templates/form.schema.json"), encoding="utf-8"))
validator = jsonschema.Draft202012Validator(schema)
evalsheet = sys.argv[1]
checked = failed = 0
with tempfile.TemporaryDirectory() as tmp:
    paths = sorted(glob.glob(os.path.join(root, "Fixtures/**/*.expected.json"), recursive=True)
                   + glob.glob(os.path.join(root, "Fixtures/real/*/expected.json")))
    for tsv in sorted(glob.glob(os.path.join(root, "Fixtures/tsv/**/*.txt"), recursive=True)):
        out = os.path.join(tmp, "%d.json" % len(paths))
        subprocess.run([evalsheet, "convert", tsv, out], check=True)
        paths.append(out)
    for path in paths:
        errors = list(validator.iter_errors(json.load(open(path, encoding="utf-8"))))
        checked += 1
        if errors:
            failed += 1
            print("%s: %s at %s" % (path, errors[0].message, "/".join(map(str, errors[0].path))))
    # the validator itself must reject a broken form, or this check proves nothing
    broken = json.load(open(os.path.join(root, "Fixtures/tsv/000_e57ca213149e2c8b.expected.json"), encoding="utf-8"))
    broken["funds"]["total"]["executed"] = 2555831.4
    if validator.is_valid(broken):
        failed += 1
        print("schema accepted a number where a decimal string is required")
    checked += 1
print("schema: %d passed, %d failed" % (checked - failed, failed))
sys.exit(1 if failed else 0)
