#!/usr/bin/env python3
# Counts meson test results (meson-logs/testlog.json of each build dir given)
# and prints "N passed, N failed". Exits 1 when anything failed or nothing ran.
import json
import sys

passed = failed = skipped = 0
for build_dir in sys.argv[1:]:
    try:
        with open(f"{build_dir}/meson-logs/testlog.json", encoding="utf-8") as log:
            lines = [l for l in log if l.strip()]
    except OSError as e:
        print(f"{build_dir}: no test log ({e.strerror})", file=sys.stderr)
        failed += 1
        continue
    for line in lines:
        result = json.loads(line).get("result")
        if result in ("OK", "EXPECTEDFAIL"):
            passed += 1
        elif result == "SKIP":
            skipped += 1
        else:
            failed += 1

summary = f"{passed} passed, {failed} failed"
if skipped:
    summary += f", {skipped} skipped"
print(summary)
sys.exit(1 if failed or not passed else 0)
