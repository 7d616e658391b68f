#!/usr/bin/env bash
# Checks what cannot be run here with Docker (no engine on CI): replays the build stage of src/NewsQA.Api/Dockerfile
# in a temporary folder exactly as `docker build` would (only the files its COPY lines bring, minus .dockerignore,
# then its RUN lines, /out mapped into the folder), and validates every compose file with Debian's docker-compose
# (`docker-compose config` parses and interpolates without an engine; installed with apt when missing), then starts
# the published API with the environment the compose file gives its container against the gRPC Qdrant fake
# (tests/NewsQA.Storage.Qdrant.Tests/Hosting/ComposeStartTests.cs: API first, Qdrant later, readiness 503 then 200 with the seeds).
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

python3 - "$repo" "$work" <<'PY'
import fnmatch, json, os, re, shlex, shutil, subprocess, sys
repo, work = sys.argv[1], sys.argv[2]
ignore = [l.strip().rstrip('/') for l in open(os.path.join(repo, '.dockerignore')) if l.strip() and not l.startswith('#')]
def ignored(rel):
    parts = rel.split('/')
    return any(fnmatch.fnmatch(rel, p) or fnmatch.fnmatch(rel, p + '/*')
               or (p.startswith('**/') and any(fnmatch.fnmatch(x, p[3:]) for x in parts)) for p in ignore)
def copy(src, dest):
    full = os.path.join(repo, src)
    if os.path.isdir(full):
        for root, _, files in os.walk(full):
            for f in files:
                rel = os.path.relpath(os.path.join(root, f), repo)
                if not ignored(rel):
                    target = os.path.join(dest, os.path.relpath(os.path.join(root, f), full))
                    os.makedirs(os.path.dirname(target), exist_ok=True)
                    shutil.copy2(os.path.join(root, f), target)
    elif os.path.exists(full):
        os.makedirs(os.path.dirname(dest) if not dest.endswith('/') else dest, exist_ok=True)
        shutil.copy2(full, dest if not dest.endswith('/') else os.path.join(dest, os.path.basename(src)))
    else:
        sys.exit(f"COPY {src}: no such file in the build context")
text = open(os.path.join(repo, 'src/NewsQA.Api/Dockerfile')).read().replace('\\\n', ' ')
workdir = work
for line in text.splitlines():
    line = line.strip()
    if line.startswith('FROM') and 'AS runtime' in line:
        break  # the runtime stage copies from the build stage only (and seeds/, checked below)
    if line.startswith('WORKDIR'):
        workdir = os.path.join(work, line.split()[1].lstrip('/'))
        os.makedirs(workdir, exist_ok=True)
    elif line.startswith('COPY') and '--from' not in line:
        *srcs, dest = shlex.split(line)[1:]
        target = os.path.join(workdir, dest)
        for s in srcs:
            copy(s, target if dest.endswith('/') or len(srcs) > 1 else target)
    elif line.startswith('RUN'):
        cmd = line[3:].strip().replace(' /out/', f' {work}/out/')
        print(f"+ {cmd}", flush=True)
        subprocess.run(cmd, shell=True, cwd=workdir, check=True)
for path in ('out/api/NewsQA.Api.dll', 'out/cli/newsqa.dll'):
    if not os.path.exists(os.path.join(work, path)):
        sys.exit(f"the build stage did not produce /{path}")
if not os.path.isdir(os.path.join(repo, 'seeds')):
    sys.exit("the runtime stage copies seeds/, which is missing")
print("Dockerfile build stage replayed: /out/api and /out/cli published")
# The runtime stage's ENV, for the compose start below.
runtime = text.split('AS runtime', 1)[1]
env = {}
for line in runtime.splitlines():
    if line.strip().startswith('ENV '):
        env.update(pair.split('=', 1) for pair in shlex.split(line.strip()[4:]))
json.dump(env, open(os.path.join(work, 'image-env.json'), 'w'))
PY

if ! command -v docker-compose >/dev/null 2>&1; then
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq docker-compose >/dev/null
fi
for file in docker-compose.yml docker-compose.cluster.yml; do
  env -u NEWSQA_EMBEDDINGS_MODEL -u QDRANT_API_KEY -u NEWSQA_API_KEY docker-compose -f "$file" config --quiet
  echo "$file: valid"
done

# The api service's environment as the container gets it: the image's ENV, then the service's (interpolated by
# docker-compose with none of the optional variables set, so `${VAR:-}` gives the empty strings a bare start gets).
env -u NEWSQA_EMBEDDINGS_MODEL -u QDRANT_API_KEY -u NEWSQA_API_KEY docker-compose -f docker-compose.yml config > "$work/compose.yml"
python3 - "$work" <<'PY'
import json, os, sys, yaml
work = sys.argv[1]
env = json.load(open(os.path.join(work, 'image-env.json')))
service = yaml.safe_load(open(os.path.join(work, 'compose.yml')))['services']['api'].get('environment') or {}
if isinstance(service, list):
    service = dict(item.split('=', 1) if '=' in item else (item, '') for item in service)
env.update({k: '' if v is None else str(v) for k, v in service.items()})
json.dump(env, open(os.path.join(work, 'api-env.json'), 'w'), indent=1)
PY
echo "compose api environment: $(tr -d '\n' < "$work/api-env.json")"
NEWSQA_PUBLISHED_API="$work/out/api/NewsQA.Api.dll" NEWSQA_COMPOSE_API_ENV="$work/api-env.json" \
  dotnet test --project tests/NewsQA.Storage.Qdrant.Tests --filter-class 'NewsQA.Storage.Qdrant.Tests.Hosting.ComposeStartTests' > "$work/compose-start.log" 2>&1 \
  || { cat "$work/compose-start.log"; echo "the published API did not start with the compose environment"; exit 1; }
# A skipped test would pass too: it must have run.
grep -qE '^[[:space:]]+succeeded: 1$' "$work/compose-start.log" || { cat "$work/compose-start.log"; echo "the compose start test did not run"; exit 1; }
echo "published API with the compose environment: readiness 503 naming Qdrant before the fake, 200 with the seeds after"
