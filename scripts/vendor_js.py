"""Vendor the JavaScript the built pages need, from the npm registry, so that no page
loads anything from a CDN.

    python scripts/vendor_js.py [DEST]           # the book's: default book/_assets/vendor
    python scripts/vendor_js.py --tests [DEST]   # the tests': default tests/browser/vendor

Each package is pinned by version and by the sha512 integrity that npm publishes for its
tarball; a download that does not match is refused. Only the files the pages use are
extracted:

- mathjax 3: the ``tex-mml-chtml`` component (what Sphinx loads) and the folders it loads
  lazily (fonts, TeX extensions, the menu and accessibility modules).

and, for the browser tests only (never shipped in the book, so in its own folder):

- axe-core: ``axe.min.js``, the accessibility checker the tests inject into every page.

(The widgets need nothing vendored: the book renders them as plain HTML driven by the
small script ``mathcalc/display/player.js`` inside each widget's HTML, not with the 4.4 MB
ipywidgets HTML manager.)

Needs only the Python standard library (no node, no npm client). Re-running with the
files present does nothing; a changed pin re-downloads.
"""
from __future__ import annotations

import base64
import hashlib
import io
import json
import shutil
import sys
import tarfile
import urllib.request
from pathlib import Path

REGISTRY = "https://registry.npmjs.org"

PACKAGES = {
    "mathjax": {
        "version": "3.2.2",
        "tarball": "mathjax/-/mathjax-3.2.2.tgz",
        "integrity": "sha512-Bt+SSVU8eBG27zChVewOicYs7Xsdt40qm4+UpHyX7k0/O9NliPc+x77k1/FEsPsjKPZGJvtRZM1vO+geW0OhGw==",
        # paths inside the tarball (prefix match) -> kept below DEST/mathjax
        "strip": "package/es5/",
        "keep": ["tex-mml-chtml.js", "a11y/", "adaptors/", "input/", "output/chtml",
                 "sre/", "ui/"],
        "dest": "mathjax",
    },
}

TEST_PACKAGES = {
    "axe-core": {
        "version": "4.14.1",
        "tarball": "axe-core/-/axe-core-4.14.1.tgz",
        "integrity": "sha512-FHfa+lmNjQZfJz1q8wKqIDwC6DExcHt/pkjNQb09a3NPjCKg2rhu5qb2S4r76ASyFNNtuFooJpZe37OgudVGtQ==",
        "strip": "package/",
        "keep": ["axe.min.js", "LICENSE"],
        "dest": "axe-core",
    },
}


def _wanted(name: str, keep: list[str]) -> bool:
    """True when the tarball member ``name`` (already stripped) is one we serve."""
    if name.endswith(".map"):
        return False
    return any(name.startswith(k) or (k.startswith(".") and name.endswith(k)
                                      and "/" not in name) for k in keep)


def _download(url: str, integrity: str) -> bytes:
    algo, _, expected = integrity.partition("-")
    data = urllib.request.urlopen(url, timeout=120).read()
    got = base64.b64encode(hashlib.new(algo, data).digest()).decode()
    if got != expected:
        raise SystemExit(f"integrity mismatch for {url}: expected {expected}, got {got}")
    return data


def vendor(dest: Path, packages: dict | None = None) -> None:
    """Download and extract ``packages`` (default: the book's) below ``dest``."""
    packages = PACKAGES if packages is None else packages
    stamp_path = dest / "versions.json"
    pins = {name: spec["version"] for name, spec in packages.items()}
    if stamp_path.exists() and json.loads(stamp_path.read_text()) == pins:
        return
    if dest.exists():
        shutil.rmtree(dest)
    dest.mkdir(parents=True)
    for name, spec in packages.items():
        data = _download(f"{REGISTRY}/{spec['tarball']}", spec["integrity"])
        count = 0
        with tarfile.open(fileobj=io.BytesIO(data), mode="r:gz") as tar:
            for member in tar.getmembers():
                if not member.isfile() or not member.name.startswith(spec["strip"]):
                    continue
                rel = member.name[len(spec["strip"]):]
                if not _wanted(rel, spec["keep"]):
                    continue
                target = dest / spec["dest"] / rel
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(tar.extractfile(member).read())
                count += 1
        print(f"vendored {name}@{spec['version']}: {count} files")
    stamp_path.write_text(json.dumps(pins, indent=1, sort_keys=True) + "\n")


if __name__ == "__main__":
    root = Path(__file__).resolve().parent.parent
    args = sys.argv[1:]
    if args[:1] == ["--tests"]:
        vendor(Path(args[1]) if len(args) > 1 else root / "tests" / "browser" / "vendor",
               TEST_PACKAGES)
    else:
        vendor(Path(args[0]) if args else root / "book" / "_assets" / "vendor")
