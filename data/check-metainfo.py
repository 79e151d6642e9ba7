#!/usr/bin/env python3
# Copyright 2026 The Rolo authors
# SPDX-License-Identifier: GPL-3.0-or-later
"""What appstreamcli cannot check in the metainfo.

Usage: check-metainfo.py METAINFO VERSION SCREENSHOT_DIR ABOUT_SOURCE

- the newest <release> is the project's version;
- every screenshot is a file in data/screenshots/, at the repository's raw URL,
  a PNG of at most 1000×700 (Flathub's quality guidelines), with a caption;
- the About window's release notes (AdwAboutWindow in libadwaita 1.2 cannot
  read the metainfo) say what the newest <release> says, string for string.
"""

import ast
import os
import re
import struct
import sys
import xml.etree.ElementTree as ET

RAW_URL = 'https://raw.githubusercontent.com/rolo-app/rolo/main/data/screenshots/'


MAX_SIZE = (1000, 700)


def png_size(path):
    """Width and height from a PNG's IHDR, or None when it is not a PNG."""
    with open(path, 'rb') as f:
        head = f.read(24)
    if len(head) < 24 or head[:8] != b'\x89PNG\r\n\x1a\n' or head[12:16] != b'IHDR':
        return None
    return struct.unpack('>II', head[16:24])


def text(element):
    return ' '.join(''.join(element.itertext()).split())


def c_strings(source, pattern):
    """The strings of N_("…" "…") calls in the C initializer that @pattern finds."""
    m = re.search(pattern, source, re.S)
    if m is None:
        return None
    calls = re.findall(r'N_\(((?:\s*"(?:[^"\\]|\\.)*")+)\s*\)', m.group(1))
    return [''.join(ast.literal_eval(lit) for lit in re.findall(r'"(?:[^"\\]|\\.)*"', c))
            for c in calls]


def main():
    metainfo, version, screenshot_dir, about_source = sys.argv[1:5]
    root = ET.parse(metainfo).getroot()
    problems = []

    releases = root.findall('releases/release')
    newest = releases[0] if releases else None
    if newest is None or newest.get('version') != version:
        problems.append(f'the newest <release> is not version {version}')

    shots = root.findall('screenshots/screenshot/image')
    if not shots:
        problems.append('no screenshots')
    for image in shots:
        url = image.text.strip()
        name = url[len(RAW_URL):] if url.startswith(RAW_URL) else None
        path = os.path.join(screenshot_dir, name) if name is not None else None
        if path is None or not os.path.isfile(path):
            problems.append(f'screenshot {url} is not a file in data/screenshots/ at {RAW_URL}')
            continue
        size = png_size(path)
        if size is None:
            problems.append(f'screenshot {name} is not a PNG')
        elif size[0] > MAX_SIZE[0] or size[1] > MAX_SIZE[1]:
            problems.append(f'screenshot {name} is {size[0]}×{size[1]}, more than '
                            f'{MAX_SIZE[0]}×{MAX_SIZE[1]}')
    for shot in root.findall('screenshots/screenshot'):
        caption = shot.find('caption')
        if caption is None or not text(caption):
            problems.append('a screenshot without a caption')

    if newest is not None:
        description = newest.find('description')
        intro = [text(p) for p in description.findall('p')]
        items = [text(li) for li in description.findall('ul/li')]
        with open(about_source, encoding='utf-8') as f:
            source = f.read()
        about_intro = c_strings(source, r'release_intro = (N_\(.*?\));')
        about_items = c_strings(source, r'release_items\[\] = \{(.*?)\};')
        if about_intro != intro or about_items != items:
            problems.append('the About window\'s release notes differ from the newest '
                            f'<release>:\n  about:    {about_intro} {about_items}\n'
                            f'  metainfo: {intro} {items}')

    for p in problems:
        print(f'not ok: {p}', file=sys.stderr)
    if problems:
        sys.exit(1)
    print(f'ok: release {version}, {len(shots)} screenshots, About release notes agree')


if __name__ == '__main__':
    main()
