"""Is the seed spread of full distillations selection noise? Re-validate every saved epoch summary of a full run
with 3 learners (the kit's validation with n=3) and score candidate end points on test (scratch, 3 learners).
Pre-registered rule: the kit adopts the end point with the highest mean 3-learner validation MRR@10 over the seeds
among {best epoch by 3 learners (`val_learners=3`), average of the last 5 / 10 epochs' factors};
'last' (epoch 29) and 'best1' (the run's own choice, 1 learner) are reported only.
Usage: OMP_NUM_THREADS=1 python scripts/stability_endpoints.py RUN   (about 8 min per run on one core)"""
import sys, time, torch
torch.set_num_threads(1)
from pathlib import Path
from td3_kit.summary import load_summary
from td3_kit.data import load_dataset
from td3_kit.train import load_teacher
from td3_kit.evaluate import EvalConfig, evaluate
from td3_kit.distill import config_from
from td3_kit.core import load_json, save_json

run = Path(sys.argv[1]); out = run / 'endpoints.json'  # RUN: a finished `td3 distill --out RUN` folder
res = load_json(out) if out.exists() else dict(valid={}, cand={})
data = load_dataset('ml-100k'); teacher, tcfg = load_teacher(run)
cfgd = load_json(run / 'distill' / 'config.json')
cfg = config_from('ml-100k', f"seed={cfgd['seed']} val_learners=3")
vcfg = EvalConfig(learner=cfg.teacher.learner, arch=cfg.teacher.arch, protocol=cfg.val_protocol, n=cfg.val_learners, seed=cfg.seed)
s = load_summary(run / 'summary', n_items=data.n_items)
ep = lambda e: torch.load(run / 'distill' / 'epochs' / f'summary_{e:03d}.pt', weights_only=True)
def val(sd):
    s.load_state_dict(sd); m = evaluate(s, data, vcfg, teacher, splits=('valid',), inner=cfg)['metrics']['valid']['uni100']
    return dict(mrr10=m['mrr@10']['mean'], ndcg10=m['ndcg@10']['mean'], ndcg10_std=m['ndcg@10']['std'])
def test(sd):
    s.load_state_dict(sd); m = evaluate(s, data, EvalConfig(protocol='scratch', n=3), teacher, splits=('test',))['metrics']['test']['uni100']
    return dict(ndcg10=m['ndcg@10'], hr10=m['hit@10'])
for e in range(30):
    if str(e) in res['valid']: continue
    t0 = time.time(); res['valid'][str(e)] = val(ep(e)); save_json(res, out); print(e, res['valid'][str(e)], f'{time.time()-t0:.0f}s', flush=True)
avg = lambda es: {k: torch.stack([ep(e)[k].float() for e in es]).mean(0) for k in ep(29)}
best3 = max(range(30), key=lambda e: res['valid'][str(e)]['mrr10'])
best1 = load_json(run / 'distill' / 'result.json')['best_epoch']
cands = dict(best3=(ep(best3), best3), last=(ep(29), 29), best1=(ep(best1), best1), swa5=(avg(range(25, 30)), None), swa10=(avg(range(20, 30)), None))
for name, (sd, e) in cands.items():
    if name in res['cand']: continue
    v = res['valid'][str(e)] if e is not None else val(sd)
    res['cand'][name] = dict(epoch=e, valid=v, test=test(sd)); save_json(res, out); print(name, res['cand'][name], flush=True)
