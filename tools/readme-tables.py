#!/usr/bin/env python3
"""Regenerates the options and headers tables in README.md from the component metadata that
camel-package-maven-plugin generates (camel-connectly/src/generated/.../connectly.json).

Run after changing an option or a header:  mvn -B -ntp -q -pl camel-connectly install -DskipTests && tools/readme-tables.py
"""
import json
import pathlib
import re

ROOT = pathlib.Path(__file__).resolve().parent.parent
META = ROOT / "camel-connectly/src/generated/resources/META-INF/io/camelconnectly/component/connectly/connectly.json"
README = ROOT / "README.md"

# Camel's own options every endpoint has: documented by Camel, left out of our tables.
CAMEL_COMMON = {"bridgeErrorHandler", "exceptionHandler", "exchangePattern", "lazyStartProducer", "autowiredEnabled",
                "configuration"}


def cell(text):
    return str(text).replace("|", "\\|").replace("\n", " ")


def default_of(p):
    if "defaultValue" not in p:
        return ""
    value = p["defaultValue"]
    if isinstance(value, bool):
        value = str(value).lower()
    return "`%s`" % value


def options_table(meta):
    endpoint = meta["properties"]
    rows = ["| Option | Group | Default | Type | Description |", "|---|---|---|---|---|"]
    for name, p in endpoint.items():
        if name in CAMEL_COMMON:
            continue
        kind = "path" if p.get("kind") == "path" else p.get("group", "common")
        secret = " **Secret.**" if p.get("secret") else ""
        enum = " One of: %s." % ", ".join("`%s`" % e for e in p["enum"]) if p.get("enum") and kind == "path" else ""
        rows.append("| `%s` | %s | %s | %s | %s%s%s |" % (
            name, kind, default_of(p), cell(p.get("type", "")), cell(p.get("description", "")), enum, secret))
    return "\n".join(rows)


def headers_table(meta):
    rows = ["| Header | Type | Description |", "|---|---|---|"]
    for name, h in meta.get("headers", {}).items():
        rows.append("| `%s` | `%s` | %s |" % (name, cell(h.get("javaType", "")), cell(h.get("description", ""))))
    return "\n".join(rows)


def replace(text, marker, table):
    pattern = re.compile(r"(<!-- %s:START -->\n).*?(<!-- %s:END -->)" % (marker, marker), re.S)
    if not pattern.search(text):
        raise SystemExit("README.md lacks the markers <!-- %s:START --> / <!-- %s:END -->" % (marker, marker))
    return pattern.sub(lambda m: m.group(1) + table + "\n" + m.group(2), text)


def main():
    meta = json.loads(META.read_text(encoding="utf-8"))
    text = README.read_text(encoding="utf-8")
    text = replace(text, "options", options_table(meta))
    text = replace(text, "headers", headers_table(meta))
    README.write_text(text, encoding="utf-8")
    print("README.md tables regenerated from", META.relative_to(ROOT))


if __name__ == "__main__":
    main()
