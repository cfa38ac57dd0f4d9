#!/usr/bin/env bash
# Scores the extractor on every dev set with ../shared/tools/score_extraction.py and prints the summary
# lines, then the extraction throughput on BBC News text. Datasets missing under ../shared are skipped.
# usage: bench/eval-extraction.sh [dataset ...]   (polnear conll lgl reuters throughput; default: all)
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
shared="${SUMMIT_SHARED:-$repo/../shared}"
scorer="$shared/tools/score_extraction.py"
countries="$shared/data/gazetteer/geonames/countryInfo.tsv"
work="${TMPDIR:-/tmp}/summit-eval-extraction"
mkdir -p "$work"

if [[ ! -f "$scorer" ]]; then
  echo "skip: $scorer not found (../shared is absent); nothing to score"
  exit 0
fi

dotnet build "$repo/Summit.Indexer" -c Release -nologo -v q >/dev/null
dll="$repo/Summit.Indexer/bin/Release/net10.0/Summit.Indexer.dll"
extract() { dotnet "$dll" extract --input "$1" --output "$2" >/dev/null; }

run() { # name dataset datadir [scorer args...]
  local name=$1 ds=$2 dir=$3; shift 3
  if [[ ! -d "$dir" ]]; then echo "skip $name: $dir not found"; return; fi
  python3 "$scorer" prepare "$ds" "$dir" "$work/$name.in.jsonl" "$@" >/dev/null
  extract "$work/$name.in.jsonl" "$work/$name.out.jsonl"
  python3 "$scorer" score "$ds" "$dir" "$work/$name.out.jsonl" --countries "$countries" "$@" > "$work/$name.score.txt"
  echo "$name: $(tail -n 1 "$work/$name.score.txt" | cut -d: -f2-)   (details: $work/$name.score.txt)"
}

sets=("${@:-polnear conll lgl reuters}")
for s in ${sets[@]}; do
  case $s in
    polnear) run polnear-dev polnear "$shared/data/eval/polnear/dev" ;;
    conll)   run conllpp-dev conll "$shared/data/eval/conllpp" --file conllpp_dev.txt ;;
    lgl)     run lgl lgl "$shared/data/eval/lgl" ;;
    reuters) run reuters-train reuters "$shared/data/corpora/reuters21578" --split TRAIN ;;
    throughput) ;; # only the throughput figure below
    *) echo "unknown dataset $s" >&2; exit 2 ;;
  esac
done

# Throughput: extraction only (the CLI's own JSON writing included), BBC News bodies as one JSONL file.
bbc="$shared/data/corpora/bbc"
if [[ -d "$bbc" ]]; then
  python3 - "$bbc" "$work/bbc.in.jsonl" <<'PY'
import json, os, sys
root, out = sys.argv[1], sys.argv[2]
with open(out, 'w', encoding='utf-8') as f:
    for cat in sorted(os.listdir(root)):
        d = os.path.join(root, cat)
        if os.path.isdir(d):
            for fn in sorted(os.listdir(d)):
                lines = open(os.path.join(d, fn), encoding='latin-1').read().split('\n', 1)
                f.write(json.dumps({'id': f'bbc-{cat}-{fn}', 'title': lines[0], 'body': lines[1] if len(lines) > 1 else ''}) + '\n')
PY
  # Four copies (20 MB) so the measurement is not dominated by start-up; the run on one tiny article
  # (process start, gazetteer load, JIT of the rules) is subtracted.
  for k in 1 2 3 4; do cat "$work/bbc.in.jsonl"; done > "$work/bbc4.in.jsonl"
  head -n 1 "$work/bbc.in.jsonl" > "$work/bbc1.in.jsonl"
  size=$(python3 -c "import json,sys; print(sum(len(json.loads(l)['body']) for l in open(sys.argv[1], encoding='utf-8')))" "$work/bbc4.in.jsonl")
  t0=$(date +%s.%N); extract "$work/bbc1.in.jsonl" "$work/bbc1.out.jsonl"; t1=$(date +%s.%N)
  extract "$work/bbc4.in.jsonl" "$work/bbc4.out.jsonl"; t2=$(date +%s.%N)
  python3 -c "import sys; s,a,b,c=float(sys.argv[1]),float(sys.argv[2]),float(sys.argv[3]),float(sys.argv[4]); w=(c-b)-(b-a); print(f'throughput: {s/1e6:.1f} MB of BBC text in {c-b:.2f} s, {w:.2f} s after start-up = {s/1e6/w:.1f} MB/s (CLI incl. JSON I/O, extraction on one thread; machine load {open(\"/proc/loadavg\").read().split()[0]})')" "$size" "$t0" "$t1" "$t2"
else
  echo "skip throughput: $bbc not found"
fi
