#!/usr/bin/env bash
# Screenshot pages of the built site (_docs/) in headless Chromium, and measure them, to check what a reader sees:
# maths rendered (no raw LaTeX), tables styled and inside the column, code wrapped within the column.
#
#   PATH=$PWD/.ci/bin:$PATH nbdev_docs      # build the site first
#   bash scripts/shots.sh                   # home, summary and method (maths), inner (API) and every companion page
#   bash scripts/shots.sh summary.html companion/factors.html
#
# For each page it writes OUT/NAME.png and prints one line: the elements of the page's column that stick out of it
# or scroll sideways (tables, code, display maths, images; a wide pandas table scrolls in its cell output, by the
# design of styles.css, and is named too), and the maths KaTeX left unrendered. The screenshots still need a look: the measures do not see, say, numbers that run together.
#
# Settings (environment): SITE (default _docs), OUT (default /work/shots, outside the repository: screenshots are
# never committed), PORT (8765), SIZE (1280,3000: the window, so that a tall page is one image), BUDGET (ms of
# virtual time for scripts and fonts to finish: KaTeX renders after the page loads; 5000).
set -euo pipefail
cd "$(dirname "$0")/.."
SITE=${SITE:-_docs} OUT=${OUT:-/work/shots} PORT=${PORT:-8765} SIZE=${SIZE:-1280,3000} BUDGET=${BUDGET:-5000}
[ -f "$SITE/index.html" ] || { echo "shots: no $SITE/index.html; build the site first (PATH=\$PWD/.ci/bin:\$PATH nbdev_docs)" >&2; exit 1; }
BROWSER=$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)
[ -n "$BROWSER" ] || { echo "shots: no Chromium (apt-get install -y chromium)" >&2; exit 1; }
PY=$(command -v python3 || command -v python)

if [ $# -gt 0 ]; then pages=("$@"); else
  pages=(index.html summary.html method.html inner.html)  # the home page, two with display maths, an API page
  for f in "$SITE"/companion/*.html; do pages+=("companion/$(basename "$f")"); done
fi

tmp=$(mktemp -d)  # the server script and a fresh browser profile (nothing cached from another run)
cat > "$tmp/serve.py" <<'EOF'
"Serve SITE on PORT like `python -m http.server`; PAGE.html?measure appends a script that measures the page."
import sys, http.server, functools
site, port = sys.argv[1], int(sys.argv[2])
MEASURE = b"""<script>addEventListener('load', () => setTimeout(() => {
  const main = document.querySelector('main') || document.body, col = main.getBoundingClientRect(), out = [];
  for (const el of main.querySelectorAll('table, pre, .katex-display, img, .cell-output-display, .sd-table')) {
    const r = el.getBoundingClientRect(), wide = el.scrollWidth > el.clientWidth + 1, out_of_col = r.right > col.right + 1;
    if (!(wide || out_of_col)) continue;
    let a = el.parentElement, inside = false;  // inside a box that scrolls sideways: that box is named, not this
    for (; a && a !== main; a = a.parentElement) if (/auto|scroll/.test(getComputedStyle(a).overflowX)) { inside = true; break; }
    if (inside) continue;
    const cls = (el.className && el.className.toString()) || '';
    out.push(`${el.tagName.toLowerCase()}${cls ? '.' + cls.split(' ')[0] : ''} ${wide ? 'scrolls ' + el.scrollWidth + '/' + el.clientWidth + 'px' : ''}`
      + `${out_of_col ? ' sticks out ' + Math.round(r.right - col.right) + 'px' : ''}: "${(el.innerText || el.alt || '').trim().slice(0, 50).replace(/\\s+/g, ' ')}"`);
  }
  const raw = [...main.querySelectorAll('.math')].filter(e => !e.querySelector('.katex')).map(e => e.textContent.slice(0, 40));
  const pre = document.createElement('pre'); pre.id = 'shots-measure';
  pre.textContent = JSON.stringify({overflow: out, raw_math: raw}); document.body.appendChild(pre);
}, 500));</script>"""

class Handler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *a): pass
    def do_GET(self):
        path, _, query = self.path.partition('?')
        if query != 'measure' or not path.endswith('.html'): return super().do_GET()
        try: body = open(self.translate_path(path), 'rb').read()
        except OSError: return self.send_error(404)
        body = body.replace(b'</body>', MEASURE + b'</body>', 1)
        self.send_response(200); self.send_header('Content-Type', 'text/html; charset=utf-8')
        self.send_header('Content-Length', str(len(body))); self.end_headers(); self.wfile.write(body)

http.server.ThreadingHTTPServer(('127.0.0.1', port), functools.partial(Handler, directory=site)).serve_forever()
EOF
"$PY" "$tmp/serve.py" "$SITE" "$PORT" &
server=$!
trap 'kill "$server" 2>/dev/null || true; rm -rf "$tmp"' EXIT
for _ in $(seq 50); do  # wait for the server (5 s at most)
  "$PY" -c "import urllib.request as u; u.urlopen('http://127.0.0.1:$PORT/')" 2>/dev/null && break
  sleep 0.1
done

mkdir -p "$OUT"
chrome() { "$BROWSER" --headless --no-sandbox --disable-gpu --hide-scrollbars --user-data-dir="$tmp/profile" \
             --window-size="$SIZE" --virtual-time-budget="$BUDGET" "$@" 2>/dev/null; }
for page in "${pages[@]}"; do
  name=$(echo "${page%.html}" | tr '/' '_')
  chrome --screenshot="$OUT/$name.png" "http://127.0.0.1:$PORT/$page" >/dev/null || echo "shots: $page: no screenshot" >&2
  m=$(chrome --dump-dom "http://127.0.0.1:$PORT/$page?measure" | sed -n 's/.*<pre id="shots-measure">\(.*\)<\/pre>.*/\1/p')
  report=$(printf '%s' "$m" | "$PY" -c '
import html, json, sys
t = sys.stdin.read().strip()
if not t: print("no measures (the page did not finish loading?)"); sys.exit()
m = json.loads(html.unescape(t))
ov, raw = m["overflow"], m["raw_math"]
parts = [f"{len(ov)} wide element(s)" if ov else "nothing wider than the column",
         f"{len(raw)} maths unrendered" if raw else "maths rendered"]
print("; ".join(parts) + "".join("\n      " + o for o in ov) + "".join("\n      raw: " + r for r in raw))')
  echo "$OUT/$name.png  <- $page: $report"
done
