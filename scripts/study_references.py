"""The reference rows of the full-budget studies: full data, and random and longest real users at each μ.

    python scripts/study_references.py runs/full nbs/results/ml-100k/studies/full_budget/references.json 10 30 100 300

ROOT holds the teacher (`td3 pretrain --out ROOT`); every row is cached in ROOT/rows, where `td3 study` and
`td3 results` find it again (same names). Writes a study-shaped JSON (no points, the references) that
`studies.study_from` takes as one of its pieces. Scratch protocol, 3 learners, seed 0, as the studies.
"""
import sys
from pathlib import Path
from td3_kit.core import save_json, machine_info
from td3_kit.data import load_dataset
from td3_kit.distill import config_from
from td3_kit.train import load_teacher
from td3_kit.evaluate import EvalConfig
from td3_kit.studies import reference_rows

root, out, mus = Path(sys.argv[1]), Path(sys.argv[2]), [int(m) for m in sys.argv[3:]]
base = config_from('ml-100k')
data = load_dataset(base.teacher.dataset, max_len=base.teacher.arch.max_len)
teacher, tcfg = load_teacher(root)
learners = EvalConfig(learner=tcfg.learner, arch=tcfg.arch, protocol='scratch', n=3)
refs = reference_rows(root, base, data, teacher, learners, [0], mus)
save_json(dict(study='references', preset='ml-100k', seeds=[0], n=3, protocol='scratch', points=[], references=refs,
               command=' '.join(['python', *sys.argv]), machine=machine_info()), out)
