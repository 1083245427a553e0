#!/usr/bin/env python3
"""Execute notebooks in place as `nbdev_test` runs them, and save their outputs (the API pages' examples).

    python scripts/run_nbs.py nbs/00_core.ipynb nbs/02_metrics.ipynb ...
    python scripts/run_nbs.py --flags slow nbs/10_bench.ipynb     # run `#| slow` cells too

Like `nbdev.test.test_nb`: one `execnb` CaptureShell per notebook, run from the notebook's folder with `IN_TEST=1`,
skipping the cells flagged with settings.ini's `tst_flags` (`#| notest`, `#| slow`; `--flags` runs them), cells with
`#| eval: false` and cells that call `nbdev_export(`, and skipping a notebook whose front matter says `skip_exec`.
Every code cell's old outputs are cleared first, so a skipped cell is left without outputs. A notebook whose cell
raises is not written (its traceback is printed, the exit status is 1). The outputs are written into the notebook,
which is then cleaned as `nbdev_clean` cleans it (no execution counts, no widget state, only the allowed metadata).

Afterwards it names outputs that hold this machine's paths (the repository, the home or temp folder) and
notebooks whose outputs are large, so that they can be fixed before a commit.
"""
import argparse, copy, os, re, sys, tempfile, time
from pathlib import Path

from execnb.nbio import read_nb, write_nb
from execnb.shell import CaptureShell
from fastcore.xtras import working_directory
from nbdev.clean import nbdev_clean
from nbdev.config import get_config
from nbdev.process import NBProcessor, extract_directives
from nbdev.frontmatter import FrontmatterProc

LARGE_KB = 200  # outputs of a notebook above this many KB are reported


def show(path: Path) -> str:
    "`path` relative to the current folder when it is inside it."
    try: return str(path.relative_to(Path.cwd()))
    except ValueError: return str(path)


def skip_reason(cell, flags) -> str | None:
    "Why `nbdev_test` would not run `cell` (None: it runs it)."
    if cell.cell_type != 'code': return 'not code'
    if 'nbdev_export' + '(' in cell.source: return 'nbdev_export'
    direc = extract_directives(copy.deepcopy(cell), remove=False)  # the cell's source is kept as it is
    if direc.get('eval:', [''])[0].lower() == 'false': return 'eval: false'
    hit = flags & direc.keys()
    return f"#| {' '.join(sorted(hit))}" if hit else None


def skip_exec(path: Path) -> bool:
    "Whether the notebook's front matter says `skip_exec` (nbdev_test does not run it then)."
    fm = getattr(NBProcessor(path, procs=FrontmatterProc, process=True).nb, 'frontmatter_', {}) or {}
    return str(fm.get('skip_exec', False)).lower() in ('1', 'true', 'yes', 'y', 't')


def out_text(o) -> str:
    "The text of an output (stream text, plain/HTML/Markdown data, a traceback); images are left out."
    parts = [o.get('text', '')]
    for k, v in (o.get('data') or {}).items():
        if k.startswith('text/') or k.endswith('json'): parts.append(v if isinstance(v, str) else ''.join(map(str, v)))
    parts += o.get('traceback', []) or []
    return '\n'.join(p if isinstance(p, str) else ''.join(p) for p in parts)


def machine_paths():
    "Absolute paths that belong to this machine and should not be saved in outputs."
    root = get_config().config_path.resolve()
    cands = {str(root), str(Path.home()), os.path.realpath(tempfile.gettempdir()), tempfile.gettempdir(), '/tmp/'}
    return sorted((c for c in cands if c and c not in ('/',)), key=len, reverse=True)


def run(path: Path, flags: set, mpl_format: str) -> bool:
    "Execute `path` in place; True if every cell that runs ran without an error."
    name = show(path)
    if skip_exec(path):
        print(f'{name}: skip_exec in its front matter, not run')
        return True
    nb = read_nb(path)
    todo, skipped = [], {}
    for cell in nb.cells:
        if cell.cell_type != 'code': continue
        cell.outputs, cell.execution_count = [], None
        why = skip_reason(cell, flags)
        if why: skipped[why] = skipped.get(why, 0) + 1
        else: todo.append(cell)
    os.environ['IN_TEST'] = '1'  # as nbdev_test: a notebook's own nbdev_export() does nothing
    start, shell = time.time(), CaptureShell(path, mpl_format=mpl_format)
    try:
        with working_directory(path.parent):
            for cell in todo:
                shell.cell(cell)
                if shell.exc:
                    sys.stderr.write(shell.prettytb(fname=path) + '\n')
                    print(f'{name}: cell {cell.idx_} (0-based) raised {type(shell.exc).__name__}; the notebook is not written')
                    return False
    finally:
        os.environ.pop('IN_TEST', None)
    write_nb(nb, path)
    nbdev_clean.__wrapped__(fname=str(path))
    print(f'{name}: {len(todo)} cell(s) run in {time.time() - start:.1f} s'
          + (f"; skipped: {', '.join(f'{n} {k}' for k, n in skipped.items())}" if skipped else ''))
    check(path)
    return True


def check(path: Path):
    "Name the outputs of `path` that hold a machine-specific path, and say if its outputs are large."
    nb, pats, size = read_nb(path), machine_paths(), 0
    for cell in nb.cells:
        for o in cell.get('outputs', []):
            text = out_text(o)
            size += len(str(o))
            for p in pats:
                if p in text:
                    line = next(l for l in text.splitlines() if p in l)
                    print(f'  warning: cell {cell.idx_} (0-based) prints a path of this machine ({p}): {line.strip()[:120]}')
                    break
    if size > LARGE_KB * 1024: print(f'  warning: {size / 1024:.0f} KB of outputs (more than {LARGE_KB} KB)')


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    ap.add_argument('notebooks', nargs='+', type=Path, help='notebooks to execute in place')
    ap.add_argument('--flags', default='', help="flags of tst_flags to run anyway, e.g. 'slow'")
    ap.add_argument('--mpl-format', default='png', help="matplotlib inline format (Jupyter's default: png)")
    args = ap.parse_args(argv)
    cfg = get_config()
    flags = set(cfg.tst_flags.split()) - set(args.flags.split())
    sys.path.insert(0, str(cfg.config_path))  # as .ci/test_nbs.py runs test_nb (basepath)
    ok = True
    for nb in args.notebooks:
        if not nb.is_file(): sys.exit(f'{nb}: no such notebook')
        ok &= run(nb.resolve(), flags, args.mpl_format)
    return 0 if ok else 1


if __name__ == '__main__':
    sys.exit(main())
