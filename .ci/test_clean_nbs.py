"Tracked notebooks carry no widget state: nbdev_clean and the Jupyter save hook of nbdev_install_hooks keep it."
import json
from nbdev.config import get_config
from nbdev.doclinks import nbglob

def test_no_widget_state():
    cfg = get_config()
    held = [str(f.relative_to(cfg.nbs_path)) for f in sorted(nbglob(cfg.nbs_path, as_path=True))
            if 'widgets' in json.loads(f.read_text(encoding='utf-8')).get('metadata', {})]
    assert not held, (f'widget state in {held}: uncheck Settings > Save Widget State Automatically in JupyterLab, '
                      'or execute with --ExecutePreprocessor.store_widget_state=False, and save again')
