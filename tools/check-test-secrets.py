#!/usr/bin/env python3
"""Fails when a secret used by the tests appears in the build output.

The secrets are collected from the test sources, so a new test secret is covered without a list to keep: webhook
secrets (string literals starting with whsec_) and string literals given to an API key, secret or password (constants
named *API_KEY*, *SECRET*, *PASSWORD*, or the builder calls apiKey("..."), webhookSecret("...")), except
environment variable names such as CONNECTLY_API_KEY. The build output is
the files named on the command line (the whole Maven log) plus every Surefire report and captured test output under
*/target/surefire-reports. A hit is reported with the secret masked, never in clear.

Usage: python3 tools/check-test-secrets.py BUILD_LOG...
"""
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
LITERAL = r'"([^"{}$\s]{6,})"'
PATTERNS = [
    re.compile(r'"(whsec_[A-Za-z0-9_]+)"'),
    re.compile(r'\b\w*(?:API_KEY|SECRET|PASSWORD)\w*\s*=\s*' + LITERAL),
    re.compile(r'\.(?:apiKey|webhookSecret)\(\s*' + LITERAL),
]


# CONNECTLY_API_KEY and the like name where a secret comes from; the name itself is printed on purpose.
ENVIRONMENT_VARIABLE_NAME = re.compile(r'[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+')


def test_secrets():
    secrets = set()
    for source in ROOT.glob('*/src/test/**/*.java'):
        text = source.read_text(encoding='utf-8', errors='replace')
        for pattern in PATTERNS:
            secrets.update(s for s in pattern.findall(text) if not ENVIRONMENT_VARIABLE_NAME.fullmatch(s))
    return secrets


def outputs(logs):
    files = [pathlib.Path(log) for log in logs]
    files += sorted(ROOT.glob('*/target/surefire-reports/*'))
    return [f for f in files if f.is_file()]


def masked(secret):
    return secret[:3] + '*' * (len(secret) - 3)


def main():
    secrets = test_secrets()
    if not secrets:
        print('check-test-secrets: no test secret found in the test sources; the pattern is out of date', file=sys.stderr)
        return 2
    leaks = []
    for output in outputs(sys.argv[1:]):
        text = output.read_text(encoding='utf-8', errors='replace')
        for secret in secrets:
            if secret in text:
                leaks.append((output.relative_to(ROOT) if output.is_relative_to(ROOT) else output, masked(secret)))
    if leaks:
        print('check-test-secrets: test secrets appear in the build output:', file=sys.stderr)
        for output, secret in sorted(set(leaks), key=str):
            print(f'  {secret} in {output}', file=sys.stderr)
        return 1
    print(f'check-test-secrets: none of the {len(secrets)} test secrets appears in the build output')
    return 0


if __name__ == '__main__':
    sys.exit(main())
