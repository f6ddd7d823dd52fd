# Shared start of the scripts/e2e-*.sh checks (sourced, not run): repository root as working folder,
# the labnetz binary, a scratch folder and a server pid that are cleaned up on exit, and the
# virtualenv the real Python clients are installed into.
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
BIN=${BIN:-.build/debug/labnetz}
WORK=$(mktemp -d)
SERVER_PID=""
cleanup() { [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null; rm -rf "$WORK"; }
trap cleanup EXIT

VENV=${VENV:-.build/e2e-venv}
if [ ! -x "$VENV/bin/python" ]; then python3 -m venv "$VENV"; fi

# venv_install PACKAGE...: the Python clients a check needs, into the shared virtualenv.
venv_install() { "$VENV/bin/pip" install -q --disable-pip-version-check "$@"; }
