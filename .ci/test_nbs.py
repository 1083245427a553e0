"Run every notebook as `nbdev_test` does (skipping `tst_flags` cells), one pytest test per notebook."
import os, pytest
import torch._dynamo
from pathlib import Path
from nbdev.config import get_config
from nbdev.doclinks import nbglob
from nbdev.test import test_nb as run_nb  # renamed so pytest does not collect it

cfg = get_config()
NBS = sorted(f for f in nbglob(cfg.nbs_path, as_path=True) if not (f.parent / '.notest').exists())
FLAGS = os.environ.get('TD3_TEST_FLAGS', '').split()  # e.g. TD3_TEST_FLAGS=slow runs `#| slow` cells too

@pytest.mark.parametrize('nb', NBS, ids=[str(f.relative_to(cfg.nbs_path)) for f in NBS])
def test_notebook(nb: Path):
    ok, secs = run_nb(nb.absolute(), skip_flags=cfg.tst_flags.split(), force_flags=FLAGS, basepath=cfg.config_path)
    torch._dynamo.reset()  # the notebook's compiled steps go with it (else their guards fail noisily at exit)
    assert ok, f'{nb.name} failed (traceback above)'
