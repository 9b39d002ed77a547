#!/usr/bin/env bash
# Shows the hooks working as a user's repository would run them: scratch git
# repositories holding the examples, checked by pre-commit.
#
# 'pre-commit try-repo' (first below) installs the hooks' environment anew on each
# call; the other runs share one copy of this checkout (uncommitted changes too, as
# try-repo would take them) and one installed environment, through a configuration
# kept outside the scratch repositories.
set -euo pipefail
project="$(cd "$(dirname "$0")/.." && pwd)"
python="${PYTHON:-$project/.venv/bin/python}"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
export PRE_COMMIT_HOME="$scratch/cache"
commit() { git -c user.email=ci@oppdrag.invalid -c user.name=ci commit -qm "$@"; }

# This checkout as a repository pre-commit can fetch, at one commit.
hooks="$scratch/hooks"
git clone -q "$project" "$hooks"
git -C "$project" diff HEAD --binary | git -C "$hooks" apply --allow-empty
git -C "$project" ls-files -z --others --exclude-standard | \
  (cd "$project" && xargs -0 -r cp --parents -t "$hooks")
(cd "$hooks" && git add -A && commit "as checked out" --allow-empty)
rev="$(git -C "$hooks" rev-parse HEAD)"
config="$scratch/pre-commit-config.yaml"
cat > "$config" <<EOF
repos:
  - repo: $hooks
    rev: $rev
    hooks:
      - id: oppdrag-check
      - id: oppdrag-validate
      - id: oppdrag-check-repository
      - id: oppdrag-check-across-files
EOF
run() { "$python" -m pre_commit run --config "$config" "$@"; }

examples="$scratch/examples"
mkdir -p "$examples/schemas"
cp "$project"/examples/*.yaml "$examples"/
cp "$project/schemas/mission-proposal.schema.json" "$examples/schemas/"
cd "$examples"
git init -q && git add . && commit examples
"$python" -m pre_commit try-repo "$project" oppdrag-check --all-files --verbose
run oppdrag-validate --all-files
run oppdrag-check-repository --all-files
run oppdrag-check-across-files --all-files
echo "pre-commit try-repo: oppdrag-check and oppdrag-validate passed on the examples"
# Rules across files: a new proposal reusing an id, staged on its own. The
# repository hooks check every proposal, so they find the duplicate and fail.
sed 's/^title: .*/title: Et annet oppdrag med samme id/' lavutslippssamfunn-trondelag.yaml > copy.yaml
git add copy.yaml
for hook in oppdrag-check-repository oppdrag-check-across-files; do
  if run "$hook" --verbose; then
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
git init -q && git add -- . && commit names
for hook in oppdrag-check oppdrag-validate; do
  if run "$hook" --all-files --verbose > hook.log 2>&1; then
    cat hook.log >&2
    echo "$hook passed although bad.yaml is broken: a file name was read as an option" >&2
    exit 1
  fi
  grep -q "bad.yaml:2:5: S007" hook.log || { cat hook.log >&2; exit 1; }
done
echo "pre-commit try-repo: file names are never options"
