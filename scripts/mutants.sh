#!/usr/bin/env bash
# Mutation testing (issue 12): cargo-mutants makes small wrong edits to the
# code (a flipped comparison, a body replaced by a constant) and runs the tests
# after each; a mutant no test notices is a change that could break the fees
# unseen. Prints the score per file: caught / viable (caught + missed + timeouts).
#
#   scripts/mutants.sh [OUT]            everything (hours on 2 cores: see README)
#   scripts/mutants.sh [OUT] core       the domain crate alone (~15 min)
#   scripts/mutants.sh [OUT] dues --shard 1/4   a quarter of the binary's mutants
#   RESUME=1 scripts/mutants.sh [OUT] dues       on from where the last run stopped:
#                                                  what it caught in files unchanged since
#                                                  still counts, the rest is tested again
#   scripts/mutants.sh [OUT] diff [REV]  only the mutants in code changed since REV
#                                        (default HEAD~1; files git does not track
#                                        yet are left out), both crates, against
#                                        every test: a change under review, in
#                                        minutes; exits 1 if one is missed
#
# Needs cargo-mutants and cargo-nextest (`cargo install cargo-mutants cargo-nextest`;
# 27.1 and the nextest of this machine here): .cargo/mutants.toml runs the tests
# with nextest, .config/nextest.toml fails a test that hangs. Not run in CI.
# Equivalent mutants (no test could tell them apart) are excluded in
# .cargo/mutants.toml, each with its reason.
set -euo pipefail
cd "$(dirname "$0")/.."
# OUT may be left out before a part: `scripts/mutants.sh diff`.
if [[ ${1:-} =~ ^(all|core|dues|diff)$ ]]; then set -- target/mutants "$@"; fi
out=${1:-target/mutants}
part=${2:-all}
shift $(( $# < 2 ? $# : 2 ))
mkdir -p "$out"
run() { cargo mutants -j 2 "$@" >/dev/null || true; }

if [[ $part == diff ]]; then
  # The change under review: its mutants alone, against every test. Its
  # own score, apart from the whole run's.
  rm -rf "$out/diff" && mkdir -p "$out/diff"
  # Plain paths whatever the user's git settings (prefixes, diff tools).
  git diff --no-ext-diff --no-color --src-prefix=a/ --dst-prefix=b/ "${1:-HEAD~1}" -- '*.rs' \
    > "$out/diff/change.diff"
  rc=0
  cargo mutants -j 2 --workspace --test-workspace=true --in-diff "$out/diff/change.diff" \
    --timeout 240 -o "$out/diff" >/dev/null || rc=$?
  # 0: all caught; 2: some missed; 3: some timed out. Anything else (the
  # tests failing before any mutant, a wrong argument) is no score.
  if [[ $rc != 0 && $rc != 2 && $rc != 3 ]]; then
    echo "cargo mutants failed (exit $rc): see $out/diff/mutants.out/debug.log" >&2
    exit "$rc"
  fi
  for outcome in caught missed timeout unviable; do
    printf '%-9s %s\n' "$outcome" "$(cat "$out/diff/mutants.out/$outcome.txt" 2>/dev/null | grep -c . || true)"
  done
  if [[ -s $out/diff/mutants.out/missed.txt ]]; then
    echo "missed:" && sed 's/^/  /' "$out/diff/mutants.out/missed.txt"
    exit 1
  fi
  exit 0
fi

if [[ $part == all || $part == core ]]; then
  # The domain crate against its own tests first: a second a mutant.
  rm -rf "$out/core1" "$out/core2"
  run -p dues-core --test-workspace=false --timeout 60 -o "$out/core1"
  # Its survivors against every test of the workspace (the binary's too).
  mkdir -p "$out/core2" && cp -r "$out/core1/mutants.out" "$out/core2/"
  run -p dues-core --test-workspace=true --iterate --timeout 240 -o "$out/core2"
fi
# What a run's outcomes hold for: the tools (cargo-mutants' version names
# mutants, nextest's settings run them), the packages built with them, and
# each source file's content as the run copied it.
tools() {
  { cargo mutants --version; git hash-object .config/nextest.toml; } | git hash-object --stdin
}
# Cargo.lock's packages, one `name version checksum` a line. A package added
# since changes no file that does not use it (and one that does has changed
# itself); one changed or gone may change any: then the run starts afresh.
packages() {
  awk '/^\[\[package\]\]/ { if (n) print n, v, c; n = v = c = "" }
       /^name = / { n = $3 } /^version = / { v = $3 } /^checksum = / { c = $3 }
       END { if (n) print n, v, c }' Cargo.lock | sort
}
# Every package of the last run still there, the same.
same_packages() {
  [[ -f $out/dues/PACKAGES ]] && [[ -z $(comm -23 "$out/dues/PACKAGES" <(packages)) ]]
}
contents() { # PREFIX: PREFIX.paths, and PREFIX.hashes line for line
  git ls-files -co --exclude-standard -- '*.rs' | while read -r f; do
    if [[ -f $f ]]; then echo "$f"; fi
  done > "$1.paths"
  git hash-object --stdin-paths < "$1.paths" > "$1.hashes"
}

if [[ $part == all || $part == dues ]]; then
  # RESUME=1 goes on from the last run's output (cargo-mutants --iterate):
  # what it caught, or found unviable (a mutant that does not build), is not
  # tested again, and still counts, as long as the mutant's own file is byte
  # for byte the one it was tested in (changed tests are taken not to
  # weaken, changed other files not to free it or make it build); missed
  # mutants are tried again. New tools start afresh.
  if [[ ${RESUME:-} == 1 && " $* " == *" --shard "* ]]; then
    echo "RESUME=1 and --shard do not mix: the shards are cut after what is skipped" >&2
    exit 2
  fi
  if [[ ${RESUME:-} == 1 && -f $out/dues/TOOLS && $(tools) == "$(cat "$out/dues/TOOLS")" ]] && same_packages; then
    contents "$out/now"
    python3 - "$out" <<'PY'
import os, sys
out = sys.argv[1]
ledger = os.path.join(out, "ledger", "mutants.out")
last = os.path.join(out, "dues", "mutants.out")
os.makedirs(ledger, exist_ok=True)
def read(path):
    return [l.rstrip("\n") for l in open(path)] if os.path.exists(path) else []
def hashes(prefix):
    return dict(zip(read(prefix + ".paths"), read(prefix + ".hashes")))
then, now = hashes(os.path.join(out, "dues", "CONTENTS")), hashes(os.path.join(out, "now"))
file_of = lambda mutant: mutant.split(":")[0]
def keep(outcome):
    """The mutants of an outcome, from the ledger and the last run, whose
    file is unchanged: written back to both, for the score and for what
    --iterate skips."""
    stamped = read(os.path.join(ledger, outcome + ".tsv"))
    stamped += [then.get(file_of(m), "?") + "\t" + m for m in read(os.path.join(last, outcome + ".txt"))]
    kept, names = [], set()
    for line in stamped:
        content, mutant = line.split("\t", 1)
        if content == now.get(file_of(mutant)) and mutant not in names:
            kept.append(line)
            names.add(mutant)
    open(os.path.join(ledger, outcome + ".tsv"), "w").write("".join(l + "\n" for l in kept))
    listed = "".join(l.split("\t", 1)[1] + "\n" for l in kept)
    open(os.path.join(ledger, outcome + ".txt"), "w").write(listed)
    open(os.path.join(last, outcome + ".txt"), "w").write(listed)
    return len(kept)
caught, unviable = keep("caught"), keep("unviable")
print(f"resuming: {caught} mutants caught before and {unviable} unviable, their files unchanged", file=sys.stderr)
if os.path.exists(os.path.join(last, "previously_caught.txt")):
    os.remove(os.path.join(last, "previously_caught.txt"))
PY
    mv "$out/now.paths" "$out/dues/CONTENTS.paths"
    mv "$out/now.hashes" "$out/dues/CONTENTS.hashes"
    packages > "$out/dues/PACKAGES"
    run -p dues --iterate --timeout 240 -o "$out/dues" "$@"
  else
    rm -rf "$out/dues" "$out/ledger"
    mkdir -p "$out/dues"
    tools > "$out/dues/TOOLS"
    packages > "$out/dues/PACKAGES"
    contents "$out/dues/CONTENTS"
    run -p dues --timeout 240 -o "$out/dues" "$@"
  fi
fi

python3 - "$out" <<'PY'
import collections, os, sys
out = sys.argv[1]
def lines(run, name):
    path = os.path.join(out, run, "mutants.out", name + ".txt")
    return [l.strip() for l in open(path)] if os.path.exists(path) else []
count = collections.defaultdict(collections.Counter)
seen = set()
def add(run, name, outcome):
    for line in lines(run, name):
        if line not in seen:  # once, whichever run it came from
            seen.add(line)
            count[line.split(":")[0]][outcome] += 1
# core1 holds the first pass; core2 what its survivors (missed or timed
# out) became against every test.
add("core1", "caught", "caught"); add("core1", "unviable", "unviable")
add("core2", "caught", "caught"); add("core2", "missed", "missed")
add("core2", "timeout", "timeout"); add("core2", "unviable", "unviable")
for name in ["caught", "missed", "timeout", "unviable"]:
    add("dues", name, name)
add("ledger", "caught", "caught"); add("ledger", "unviable", "unviable")
def score(files):
    c = sum(count[f]["caught"] for f in files)
    v = c + sum(count[f]["missed"] + count[f]["timeout"] for f in files)
    return c, v
print(f'{"file":<44} {"caught":>7} {"viable":>7} {"score":>7}')
for f in sorted(count):
    c, v = score([f])
    if v:
        print(f"{f:<44} {c:>7} {v:>7} {100 * c / v:>6.1f}%")
core = [f for f in count if f.startswith("crates/dues-core/")]
for label, files in [("domain crate (dues-core)", core), ("binary crate (dues)", [f for f in count if f not in core]), ("overall", list(count))]:
    c, v = score(files)
    if v:
        print(f"{label:<44} {c:>7} {v:>7} {100 * c / v:>6.1f}%")
survivors = lines("core2", "missed") + lines("dues", "missed")
if survivors:
    print("\nmissed:")
    print("\n".join("  " + s for s in survivors))
PY
