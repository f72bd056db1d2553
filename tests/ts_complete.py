#!/usr/bin/env python3
"""A Qt Linguist translation is complete and up to date with its sources.

    ts_complete.py LUPDATE TS_FILE SOURCE_DIR [LUPDATE OPTION ...]

lupdate runs on a copy of TS_FILE (the committed file is never touched). The test fails when the
sources have a text the .ts lacks, the .ts keeps a text the sources no longer have, or a message of
the .ts has no translation. Messages are compared as (context, source, comment), so the file's own
formatting does not matter.
"""
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET


def messages(path):
    out = {}
    for ctx in ET.parse(path).getroot().iter("context"):
        name = ctx.findtext("name", "")
        for m in ctx.iter("message"):
            key = (name, m.findtext("source", ""), m.findtext("comment", ""))
            tr = m.find("translation")
            if tr is None:
                out[key] = ("missing", "")
                continue
            forms = [f.text or "" for f in tr.iter("numerusform")]  # plural forms (%n)
            text = (tr.text or "").strip() if not forms else ("" if not all(forms) else forms[0])
            out[key] = (tr.get("type"), text)
    return out


def main():
    lupdate, ts, src, options = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]
    committed = messages(ts)
    with tempfile.TemporaryDirectory() as tmp:
        copy = f"{tmp}/copy.ts"
        shutil.copyfile(ts, copy)
        run = subprocess.run([lupdate, src, *options, "-ts", copy], capture_output=True, text=True)
        if run.returncode != 0:
            print(run.stdout, run.stderr)
            return 1
        updated = messages(copy)
    bad = []
    for key, (kind, text) in updated.items():
        if key not in committed:
            bad.append(f"not in {ts}: {key}")
        elif kind in ("vanished", "obsolete"):
            bad.append(f"no longer in the sources: {key}")
    for key, (kind, text) in committed.items():
        if kind in ("unfinished", "vanished", "obsolete", "missing") or not text:
            bad.append(f"no translation ({kind}): {key}")
        if key not in updated:
            bad.append(f"no longer in the sources: {key}")
    for b in bad:
        print(b)
    if bad:
        print(f"{ts}: {len(bad)} problems; run lupdate with the options of its CMakeLists.txt and translate")
        return 1
    if len(committed) < 10:
        print(f"{ts}: only {len(committed)} messages")
        return 1
    print(f"{ts}: {len(committed)} messages, all translated, up to date with {src}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
