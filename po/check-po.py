#!/usr/bin/env python3
# check-po.py — every translation complete against the sources as they are.
#
#   check-po.py SOURCE_ROOT
#
# Extracts the messages of po/POTFILES.in afresh (the keywords of meson's
# "glib" gettext preset, which rolo-pot uses), merges each language of
# po/LINGUAS with them, and fails on any message untranslated or fuzzy, or a
# format that does not match (msgfmt --check). So a string added or changed
# without its translations fails here, not in front of a user.

import os
import subprocess
import sys
import tempfile

KEYWORDS = ['_', 'N_', 'C_:1c,2', 'NC_:1c,2', 'g_dcgettext:2', 'g_dngettext:2,3',
            'g_dpgettext2:2c,3']
FLAGS = ['N_:1:pass-c-format', 'C_:2:pass-c-format', 'NC_:2:pass-c-format',
         'g_dngettext:2:pass-c-format', 'g_strdup_printf:1:c-format',
         'g_string_printf:2:c-format', 'g_string_append_printf:2:c-format',
         'g_error_new:3:c-format', 'g_set_error:4:c-format',
         'g_markup_printf_escaped:1:c-format', 'g_printerr:1:c-format',
         'g_print:1:c-format']


def main():
    root = sys.argv[1]
    po_dir = os.path.join(root, 'po')
    with open(os.path.join(po_dir, 'LINGUAS')) as f:
        languages = [w for line in f for w in line.split('#')[0].split()]
    if not languages:
        print('po/LINGUAS lists no language')
        return 1

    failed = False
    with tempfile.TemporaryDirectory() as tmp:
        pot = os.path.join(tmp, 'rolo.pot')
        subprocess.run(['xgettext', '--package-name=rolo', '--from-code=UTF-8',
                        '--add-comments', '-D', root, '-f',
                        os.path.join(po_dir, 'POTFILES.in'), '-o', pot] +
                       ['--keyword=' + k for k in KEYWORDS] +
                       ['--flag=' + f for f in FLAGS], check=True)
        for lang in languages:
            merged = os.path.join(tmp, lang + '.po')
            subprocess.run(['msgmerge', '--quiet', '--no-fuzzy-matching',
                            os.path.join(po_dir, lang + '.po'), pot, '-o', merged],
                           check=True)
            result = subprocess.run(['msgfmt', '--check', '--statistics', '-o', os.devnull,
                                     merged], capture_output=True, text=True)
            stats = (result.stderr or result.stdout).strip()
            print('%s: %s' % (lang, stats))
            if result.returncode != 0 or 'fuzzy' in stats or 'untranslated' in stats:
                failed = True
                # Which ones, for the translator.
                subprocess.run(['msgattrib', '--untranslated', '--no-obsolete', merged])
                subprocess.run(['msgattrib', '--only-fuzzy', '--no-obsolete', merged])
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
