#!/usr/bin/env bash
# Shows the oppdrag-check hook working as a user's repository would run it: a scratch
# git repository holding the examples, checked with 'pre-commit try-repo'.
set -euo pipefail
project="$(cd "$(dirname "$0")/.." && pwd)"
python="${PYTHON:-$project/.venv/bin/python}"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
cp "$project"/examples/*.yaml "$scratch"/
mkdir -p "$scratch/schemas" && cp "$project/schemas/mission-proposal.schema.json" "$scratch/schemas/"
cd "$scratch"
git init -q && git add . && git -c user.email=ci@oppdrag.invalid -c user.name=ci commit -qm examples
export PRE_COMMIT_HOME="$scratch/.cache"
"$python" -m pre_commit try-repo "$project" oppdrag-check --all-files --verbose
"$python" -m pre_commit try-repo "$project" oppdrag-validate --all-files
"$python" -m pre_commit try-repo "$project" oppdrag-check-repository --all-files
echo "pre-commit try-repo: oppdrag-check and oppdrag-validate passed on the examples"
# Rules across files: a new proposal reusing an id, staged on its own. The
# repository hook checks every proposal, so it finds the duplicate and fails.
sed 's/^title: .*/title: Et annet oppdrag med samme id/' lavutslippssamfunn-trondelag.yaml > copy.yaml
git add copy.yaml
for hook in oppdrag-check-repository oppdrag-check-across-files; do
  if "$python" -m pre_commit try-repo "$project" "$hook" --verbose; then
    echo "$hook missed a duplicate id" >&2
    exit 1
  fi
done
echo "pre-commit try-repo: the repository hook found the duplicate id"
# File names that look like options: settings that ignore every rule in evil.yaml,
# and a file named '--config=evil.yaml'. The per-file hooks end their entry with
# '--', so pre-commit's file names are files to check, never options: the broken
# proposal beside them still fails each hook.
mkdir "$scratch/names" && cd "$scratch/names"
printf 'ignore = ["ALL"]\n' > evil.yaml
cp "$project/tests/data/valid-minimal.yaml" ./--config=evil.yaml
printf 'schema_version: 1\nid: Not An Id\ntitle: A broken proposal\n' > bad.yaml
git init -q && git add -- . && git -c user.email=ci@oppdrag.invalid -c user.name=ci commit -qm names
for hook in oppdrag-check oppdrag-validate; do
  if "$python" -m pre_commit try-repo "$project" "$hook" --all-files --verbose > hook.log 2>&1; then
    cat hook.log >&2
    echo "$hook passed although bad.yaml is broken: a file name was read as an option" >&2
    exit 1
  fi
  grep -q "bad.yaml:2:5: S007" hook.log || { cat hook.log >&2; exit 1; }
done
echo "pre-commit try-repo: file names are never options"
