#!/usr/bin/env python3
# Copyright 2026 The Rolo authors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks the Flatpak manifest as flatpak-builder reads it.

Usage: check-manifest.py FLATPAK_BUILDER MANIFEST MESON_OPTIONS

Runs `flatpak-builder --show-manifest` (so a manifest it cannot parse fails)
and holds the result to what issue 5 allows: a GNOME runtime, exactly the
five finish-args below, and the app built with meson from this source tree
with its tests run.
"""

import json
import os
import re
import subprocess
import sys

APP_ID = 'io.github.rolo_app.Rolo'
FINISH_ARGS = [
    '--share=network',
    '--share=ipc',
    '--socket=wayland',
    '--socket=fallback-x11',
    '--device=dri',
]

MESON_BUILTINS = {'buildtype', 'debug', 'optimization', 'werror', 'warning_level', 'libdir'}


def check_app_module(module, manifest_dir, options, problems):
    if module.get('buildsystem') != 'meson':
        problems.append('the rolo module is not built with meson')
    if module.get('run-tests') is not True:
        problems.append('the rolo module does not run its tests (run-tests)')
    dirs = [s for s in module.get('sources', []) if s.get('type') == 'dir']
    if len(dirs) != 1 or module['sources'] != dirs:
        problems.append('the rolo module must have one source, the source tree (type dir)')
    else:
        root = os.path.normpath(os.path.join(manifest_dir, dirs[0].get('path', '')))
        if not os.path.isfile(os.path.join(root, 'meson.build')) or \
           not os.path.isfile(os.path.join(root, 'flatpak', os.path.basename(sys.argv[2]))):
            problems.append(f'the dir source {dirs[0].get("path")!r} is not this source tree')
    for opt in module.get('config-opts', []):
        m = re.match(r'-D([\w-]+)=', opt)
        if m and m.group(1) not in options | MESON_BUILTINS and not m.group(1).startswith('b_'):
            problems.append(f'config-opts sets an unknown meson option: {opt}')
    if '-Dui_tests=false' not in module.get('config-opts', []):
        problems.append('the UI tests need a display: config-opts must hold -Dui_tests=false')


def main():
    builder, manifest_path, options_path = sys.argv[1:4]
    out = subprocess.run([builder, '--show-manifest', manifest_path],
                         capture_output=True, text=True)
    if out.returncode != 0:
        sys.exit(f'flatpak-builder --show-manifest failed:\n{out.stderr}')
    manifest = json.loads(out.stdout)
    with open(options_path, encoding='utf-8') as f:
        options = set(re.findall(r"option\('([\w-]+)'", f.read()))

    problems = []
    expect = {'id': APP_ID, 'runtime': 'org.gnome.Platform', 'sdk': 'org.gnome.Sdk',
              'command': 'rolo'}
    for key, value in expect.items():
        if manifest.get(key) != value:
            problems.append(f'{key} is {manifest.get(key)!r}, not {value!r}')
    if not str(manifest.get('runtime-version', '')).isdigit():
        problems.append('runtime-version must be a stable GNOME release (a number)')
    args = manifest.get('finish-args', [])
    if sorted(args) != sorted(FINISH_ARGS) or len(args) != len(FINISH_ARGS):
        extra = sorted(set(args) - set(FINISH_ARGS))
        missing = sorted(set(FINISH_ARGS) - set(args))
        problems.append(f'finish-args differ: extra {extra}, missing {missing}'
                        f'{" (duplicates)" if not extra and not missing else ""}')
    modules = [m for m in manifest.get('modules', []) if isinstance(m, dict)]
    if not modules or modules[-1].get('name') != 'rolo':
        problems.append('the last module must be rolo itself')
    else:
        check_app_module(modules[-1], os.path.dirname(os.path.abspath(manifest_path)),
                         options, problems)

    for p in problems:
        print(f'not ok: {p}', file=sys.stderr)
    if problems:
        sys.exit(1)
    print(f'ok: {manifest_path}: {manifest["runtime"]}//{manifest["runtime-version"]}, '
          f'finish-args {" ".join(args)}')


if __name__ == '__main__':
    main()
