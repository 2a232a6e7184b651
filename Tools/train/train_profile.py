#!/usr/bin/env python3
"""Trains the page-profile model of GleanHTML (Sources/GleanHTML/PageProfile.swift) on the DEV share of wcxb-devsplit.

For every dev page (Tools/eval/split.py; validation pages are never given to glean here) the release binary
extracts the main text twice, once with each profile forced (GLEAN_PROFILE=article|spread), and dumps the page's
features (GLEAN_PROFILE_FEATURES=1). The label of a page is the profile with the higher WCXB word F1 (the
benchmark's measure, ../shared/eval/score_wcxb.py), weighted by the gap between the two. A weighted, L2-regularised
logistic regression (Newton steps, numpy only: deterministic) is fitted on standardised features and written as
Sources/GleanHTML/PageProfileWeights.swift. A 5-fold cross-validation on the dev pages reports the mean F1 the
model's choices would give, per page type, beside each fixed profile and the per-page oracle.

Usage: train_profile.py [--glean .build/release/glean] [--corpus ../shared/corpora/wcxb-devsplit] [--work /tmp/glean-train]
"""
import argparse, csv, gzip, json, math, os, re, shutil, subprocess, sys
from collections import Counter, defaultdict
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "Tools" / "eval"))
from split import is_validation  # noqa: E402

csv.field_size_limit(1 << 30)
L2 = 1.0
GUARD_SHARE = 0.8


def tokens(s):
    return re.findall(r"\w+", (s or "").lower())


def word_f1(pred, ref):
    p, r = tokens(pred), tokens(ref)
    if not r:
        return 1.0 if not p else 0.0
    if not p:
        return 0.0
    o = sum((Counter(p) & Counter(r)).values())
    P, R = o / len(p), o / len(r)
    return 2 * P * R / (P + R) if P + R else 0.0


def fnv_key(b: bytes) -> str:
    h = 0xcbf29ce484222325
    for x in b[:4096]:
        h = ((h ^ x) * 0x100000001b3) & 0xFFFFFFFFFFFFFFFF
    return f"{h:x}-{len(b)}"


def run(glean, pipeline, out, profile):
    env = dict(os.environ, GLEAN_PROFILE=profile, GLEAN_PROFILE_FEATURES="1")
    r = subprocess.run([glean, "run", str(pipeline), "--out", str(out), "--jobs", "1", "--quiet"],
                       env=env, capture_output=True, text=True)
    if r.returncode not in (0, 3):
        sys.exit(f"glean failed ({r.returncode}): {r.stderr[-2000:]}")
    feats = {}
    for line in r.stderr.splitlines():
        if line.startswith("GLEANFEAT\t"):
            _, key, vals = line.split("\t")
            feats[key] = [float(v) for v in vals.split(",")]
    texts = {}
    with (out / "csv" / "documents.csv").open(newline="", encoding="utf-8-sig") as f:
        for row in csv.DictReader(f):
            texts[row["doc_id"].replace("\\", "/").split("/")[-1].split(".")[0]] = row.get("text") or ""
    return feats, texts


def fit(X, y, w):
    """Weighted logistic regression, L2 on the weights (not the bias), by Newton's method."""
    n, d = X.shape
    A = np.hstack([X, np.ones((n, 1))])
    beta = np.zeros(d + 1)
    reg = np.full(d + 1, L2)
    reg[-1] = 0.0
    for _ in range(50):
        p = 1 / (1 + np.exp(-A @ beta))
        g = A.T @ (w * (p - y)) + reg * beta
        H = (A * (w * p * (1 - p))[:, None]).T @ A + np.diag(reg) + 1e-9 * np.eye(d + 1)
        step = np.linalg.solve(H, g)
        beta -= step
        if np.max(np.abs(step)) < 1e-10:
            break
    return beta[:-1], beta[-1]


def standardise(X):
    mu = X.mean(axis=0)
    sd = X.std(axis=0)
    sd[sd < 1e-6] = 1.0
    return mu, sd


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--glean", default=str(ROOT / ".build" / "release" / "glean"))
    ap.add_argument("--corpus", default=str(ROOT.parent / "shared" / "corpora" / "wcxb-devsplit"))
    ap.add_argument("--work", default="/tmp/glean-train")
    ap.add_argument("--out", default=str(ROOT / "Sources" / "GleanHTML" / "PageProfileWeights.swift"))
    a = ap.parse_args()
    corpus, work = Path(a.corpus), Path(a.work)
    truth = {}
    for line in (corpus / "ground_truth.jsonl").read_text(encoding="utf-8").split("\n"):
        if line.strip():
            g = json.loads(line)
            if not is_validation(str(g["id"])):
                truth[str(g["id"])] = g
    shutil.rmtree(work, ignore_errors=True)
    (work / "html").mkdir(parents=True)
    keys = {}
    for pid in sorted(truth):
        src = corpus / "html" / f"{pid}.html.gz"
        os.symlink(src.resolve(), work / "html" / src.name)
        keys[fnv_key(gzip.decompress(src.read_bytes()))] = pid
    pipeline = work / "train.yaml"
    pipeline.write_text("version: 1\nname: train-profile\nstages:\n"
                        f"  - id: fetch\n    use: fetch.files\n    with:\n      paths: [\"{work}/html/*.html.gz\"]\n"
                        "  - id: parse\n    use: parse.html\n  - id: csv\n    use: export.csv\n    with:\n"
                        "      tables: [documents, rejects]\n")
    feats, art = run(a.glean, pipeline, work / "article", "article")
    _, spr = run(a.glean, pipeline, work / "spread", "spread")
    names = None
    src = (ROOT / "Sources" / "GleanHTML" / "PageProfile.swift").read_text()
    names = re.findall(r'"([a-z_]+)"', src[src.index("static let names"):src.index("var values")])
    ids, X, fa, fs, types = [], [], [], [], []
    for key, vec in sorted(feats.items()):
        pid = keys.get(key)
        if pid is None:
            continue
        g = truth[pid]
        ids.append(pid)
        X.append(vec)
        fa.append(word_f1(art.get(pid, ""), g.get("articleBody", "")))
        fs.append(word_f1(spr.get(pid, ""), g.get("articleBody", "")))
        types.append(g.get("page_type", "article"))
    X, fa, fs = np.array(X), np.array(fa), np.array(fs)
    # A page that declares itself an article (JSON-LD or og:type) and whose best node holds most of its kept
    # text is an article: it never takes the spread profile (PageProfileModel.profile applies the same guard).
    col = {n_: k for k, n_ in enumerate(names)}
    guard = (X[:, col["ld_article"]] > 0.5) & (X[:, col["article_share"]] >= GUARD_SHARE)
    fs = np.where(guard, fa, fs)
    np.savez(work / "dataset.npz", X=X, fa=fa, fs=fs, types=np.array(types), ids=np.array(ids))
    y = (fs > fa).astype(float)
    w = np.abs(fs - fa) + 1e-3
    print(f"{len(ids)} dev pages with features ({len(truth)} in the dev share), {X.shape[1]} features")
    # 5-fold cross-validation by a hash of the id (deterministic).
    fold = np.array([int(pid) % 5 if pid.isdigit() else sum(map(ord, pid)) % 5 for pid in ids])
    margin = np.zeros(len(ids))
    for k in range(5):
        tr, te = fold != k, fold == k
        mu, sd = standardise(X[tr])
        wt, b = fit((X[tr] - mu) / sd, y[tr], w[tr])
        margin[te] = ((X[te] - mu) / sd) @ wt + b
    # The decision threshold: the best mean F1 over all dev pages (cross-validated margins) among thresholds at
    # which article pages lose nothing against the article profile alone (an article is most of what Glean reads).
    best_t, best_v = None, -1.0
    art_idx = np.array([i for i, t in enumerate(types) if t == "article"])
    feasible = []
    for t in np.arange(-1.0, 3.01, 0.1):
        c = np.where(margin > t, fs, fa)
        if c[art_idx].mean() >= fa[art_idx].mean():
            feasible.append((round(float(t), 2), c.mean()))
    # Spreading a page is the riskier choice on pages never seen: of the thresholds within 0.001 of the best,
    # the highest (the fewest pages spread).
    if feasible:
        best_v = max(v for _, v in feasible)
        best_t = max(t for t, v in feasible if v >= best_v - 0.001)
    for t in np.arange(-0.5, 1.51, 0.25):
        c = np.where(margin > t, fs, fa)
        print(f"  threshold {t:+.2f}: dev cv {c.mean():.4f}, article {c[art_idx].mean():.4f}")
    if best_t is None:
        best_t = 99.0
    choice = margin > best_t
    print(f"threshold {best_t}")
    cv = np.where(choice > 0, fs, fa)
    by = defaultdict(list)
    for i, t in enumerate(types):
        by[t].append(i)
    print(f"{'type':14} {'pages':>5} {'article':>8} {'spread':>8} {'model-cv':>8} {'oracle':>8} {'spread%':>7}")
    for t in sorted(by) + ["ALL"]:
        idx = np.array(by[t]) if t != "ALL" else np.arange(len(ids))
        print(f"{t:14} {len(idx):5} {fa[idx].mean():8.4f} {fs[idx].mean():8.4f} {cv[idx].mean():8.4f} "
              f"{np.maximum(fa, fs)[idx].mean():8.4f} {choice[idx].mean():7.2f}")
    mu, sd = standardise(X)
    wt, b = fit((X - mu) / sd, y, w)
    fmt = lambda v: ", ".join(f"{x:.6g}" for x in v)
    lines = ["// Written by Tools/train/train_profile.py (make train) from the dev share of wcxb-devsplit: do not edit.",
             "// A logistic model over standardised PageFeatures; a positive margin picks the spread profile",
             f"// (the bias includes the decision threshold {best_t}, chosen on cross-validated dev margins).",
             f"// Features: {', '.join(names)}.",
             "enum PageProfileWeights {",
             f"    static let bias: Float = {b - best_t:.6g}",
             f"    static let means: [Float] = [{fmt(mu)}]",
             f"    static let scales: [Float] = [{fmt(sd)}]",
             f"    static let weights: [Float] = [{fmt(wt)}]",
             "}", ""]
    Path(a.out).write_text("\n".join(lines))
    for n_, v in sorted(zip(names, wt), key=lambda t: -abs(t[1])):
        print(f"  {n_:22} {v:+.3f}")
    print(f"wrote {a.out}")


if __name__ == "__main__":
    main()
