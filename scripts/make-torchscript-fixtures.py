#!/usr/bin/python3
"""Makes the TorchScript test fixtures and their PyTorch reference numbers.

Run with Debian's system python (it has torch 1.13):

    /usr/bin/python3 scripts/make-torchscript-fixtures.py          # or: bash scripts/make-torchscript-fixtures.sh
    /usr/bin/python3 scripts/make-torchscript-fixtures.py --dense-check   # also dense eigvalsh (slow, ~90 s/model)

Writes into tests/Goldilocks.Tests/Fixtures/TorchScript/ (see the README.md there):
  relu_mlp.pt, biased_mlp.pt, leaky_mlp.pt, small_cnn.pt      models with reference numbers
  wrong_output.pt, five_classes.pt, not_torchscript.pt          bad inputs
  inputs.f64, labels.i64                                         the 8 samples (raw little-endian)
  reference.json                                                 PyTorch float64 reference numbers

Everything is float64 and seeded; running it twice gives byte-identical files.
"""
import argparse
import hashlib
import io
import json
import math
import os
import sys
import time

# TorchScript writes a Conv2d's __constants__ (a Python set) in set-iteration order, which follows string hashing:
# pin the hash seed so that every run writes byte-identical .pt files.
if os.environ.get("PYTHONHASHSEED") != "0":
    os.environ["PYTHONHASHSEED"] = "0"
    os.execv(sys.executable, [sys.executable] + sys.argv)

import torch
import torch.nn as nn
import torch.nn.functional as F

torch.set_default_dtype(torch.float64)
torch.set_num_threads(2)

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "tests", "Goldilocks.Tests", "Fixtures", "TorchScript")

N_SAMPLES = 8
N_CLASSES = 10
IN_FEATURES = 784
HIDDEN = 8
PROBE_FORMULA = "v[i] = sin(0.37 * i + 0.11), i = 0 .. P-1, over the parameters flattened row-major and concatenated in parameters() order (computed in double: (0.37 * i) + 0.11, then sin)"
INPUT_SEED = 0
RANGE_SKETCH = 400          # random probes for the range of H (its rank is far below this for these nets)
RANGE_SEED = 12345


# ----------------------------------------------------------------------------------------------- models
class ReluMlp(nn.Module):
    """784-8-10, no biases, ReLU: positively homogeneous of degree 2 in its parameters."""

    def __init__(self, out_features: int = N_CLASSES):
        super().__init__()
        self.fc1 = nn.Linear(IN_FEATURES, HIDDEN, bias=False)
        self.fc2 = nn.Linear(HIDDEN, out_features, bias=False)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.fc2(torch.relu(self.fc1(x)))


class BiasedMlp(nn.Module):
    """784-8-10 with biases, ReLU: not homogeneous."""

    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(IN_FEATURES, HIDDEN, bias=True)
        self.fc2 = nn.Linear(HIDDEN, N_CLASSES, bias=True)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.fc2(torch.relu(self.fc1(x)))


class LeakyMlp(nn.Module):
    """784-8-8-10, no biases, LeakyReLU(0.1): homogeneous of degree 3."""

    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(IN_FEATURES, HIDDEN, bias=False)
        self.fc2 = nn.Linear(HIDDEN, HIDDEN, bias=False)
        self.fc3 = nn.Linear(HIDDEN, N_CLASSES, bias=False)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        h = F.leaky_relu(self.fc1(x), 0.1)
        h = F.leaky_relu(self.fc2(h), 0.1)
        return self.fc3(h)


class SmallCnn(nn.Module):
    """[N,1,28,28] -> Conv2d(1,4,5,stride 2, no bias) -> ReLU -> flatten -> Linear(576,10, no bias): degree 2."""

    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2d(1, 4, 5, stride=2, bias=False)
        self.fc = nn.Linear(4 * 12 * 12, N_CLASSES, bias=False)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        h = torch.relu(self.conv(x))
        return self.fc(torch.flatten(h, 1))


class WrongOutput(nn.Module):
    """784-8-10 bias-free ReLU MLP whose forward returns logits.sum(1): shape [N], not [N, K]."""

    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(IN_FEATURES, HIDDEN, bias=False)
        self.fc2 = nn.Linear(HIDDEN, N_CLASSES, bias=False)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.fc2(torch.relu(self.fc1(x))).sum(1)


# name, class, constructor args, seed, expected degree, input layout, description
MODELS = [
    ("relu_mlp", ReluMlp, (), 1001, 2, "flat", "bias-free ReLU MLP 784-8-10"),
    ("biased_mlp", BiasedMlp, (), 1002, None, "flat", "ReLU MLP 784-8-10 with biases"),
    ("leaky_mlp", LeakyMlp, (), 1003, 3, "flat", "bias-free LeakyReLU(0.1) MLP 784-8-8-10"),
    ("small_cnn", SmallCnn, (), 1004, 2, "image", "bias-free Conv2d(1,4,5,stride=2)-ReLU-flatten-Linear(576,10)"),
]
EXTRAS = [
    ("wrong_output", WrongOutput, (), 1005, 2, "flat", "bias-free ReLU MLP 784-8-10 whose forward returns logits.sum(1), shape [N]"),
    ("five_classes", ReluMlp, (5,), 1006, 2, "flat", "bias-free ReLU MLP 784-8-5 (K = 5, does not match a 10-class data set)"),
]


# ----------------------------------------------------------------------------------------------- helpers
def save_script(model: nn.Module, path: str) -> None:
    scripted = torch.jit.script(model)
    torch.jit.save(scripted, path)


def load(path: str) -> torch.jit.ScriptModule:
    m = torch.jit.load(path)
    m.eval()
    return m


def layout(x_flat: torch.Tensor, kind: str) -> torch.Tensor:
    return x_flat if kind == "flat" else x_flat.reshape(-1, 1, 28, 28)


def params_of(m) -> list:
    return list(m.parameters())


def flat(tensors) -> torch.Tensor:
    return torch.cat([t.reshape(-1) for t in tensors])


def probe(p: int) -> torch.Tensor:
    return torch.tensor([math.sin(0.37 * i + 0.11) for i in range(p)], dtype=torch.float64)


def scaled_copy(path: str, alpha: float):
    m = load(path)
    with torch.no_grad():
        for q in m.parameters():
            q.mul_(alpha)
    return m


def loss_fn(m, x, y, temperature: float) -> torch.Tensor:
    return F.cross_entropy(m(x) / temperature, y, reduction="mean")


class Curvature:
    """Loss, gradient and Hessian-vector products (double backward) of one model at its current parameters."""

    def __init__(self, m, x, y, temperature: float):
        self.params = params_of(m)
        self.loss = loss_fn(m, x, y, temperature)
        self.grads = torch.autograd.grad(self.loss, self.params, create_graph=True)
        self.g = flat(self.grads).detach()
        self.p = self.g.numel()

    def hvp(self, v: torch.Tensor) -> torch.Tensor:
        chunks, off = [], 0
        for q in self.params:
            n = q.numel()
            chunks.append(v[off:off + n].reshape(q.shape))
            off += n
        hv = torch.autograd.grad(self.grads, self.params, grad_outputs=chunks, retain_graph=True)
        return flat(hv).detach()

    def spectrum_extremes(self) -> dict:
        """Largest and smallest eigenvalue of the full P x P Hessian by Rayleigh-Ritz on its range.

        The loss depends on the parameters only through a subspace of dimension r << P (for a first layer W, only
        through W x_n, n = 1..8), so H = Q B Q^T with Q an orthonormal basis of range(H). Q comes from the QR of
        H Omega for RANGE_SKETCH seeded Gaussian vectors (RANGE_SKETCH > r), B = Q^T H Q from HVPs, and the
        eigenvalues of B are the nonzero eigenvalues of H; the remaining P - k eigenvalues are exactly 0. The check
        ||H z - Q B Q^T z|| / ||H z|| for fresh random z confirms that range(Q) holds range(H)."""
        k = min(RANGE_SKETCH, self.p)
        gen = torch.Generator().manual_seed(RANGE_SEED)
        omega = torch.randn(self.p, k, generator=gen)
        y = torch.stack([self.hvp(omega[:, j]) for j in range(k)], dim=1)
        sv = torch.linalg.svdvals(y)
        rank = int((sv > 1e-10 * sv[0]).sum())
        q, _ = torch.linalg.qr(y)
        hq = torch.stack([self.hvp(q[:, j]) for j in range(k)], dim=1)
        b = q.T @ hq
        asym = float((b - b.T).abs().max() / b.abs().max())
        b = 0.5 * (b + b.T)
        ev = torch.linalg.eigvalsh(b)
        residual = 0.0
        for _ in range(4):
            z = torch.randn(self.p, generator=gen)
            hz = self.hvp(z)
            residual = max(residual, float((hz - q @ (b @ (q.T @ z))).norm() / hz.norm()))
        top = float(ev[-1])
        bottom = float(ev[0])
        if k < self.p:  # the complement of range(Q) carries eigenvalue 0
            top, bottom = max(top, 0.0), min(bottom, 0.0)
        return {
            "topEigenvalue": top,
            "smallestEigenvalue": bottom,
            "spectralNorm": max(abs(top), abs(bottom)),
            "hessianRank": rank,
            "method": (f"Rayleigh-Ritz on range(H): Q = qr(H Omega), Omega = {k} Gaussian columns "
                       f"(torch.Generator seed {RANGE_SEED}), B = Q^T H Q by {k} HVPs (double backward), "
                       f"eigvalsh(B); remaining P - {k} eigenvalues are 0"),
            "sketchColumns": k,
            "rangeResidual": residual,
            "ritzAsymmetry": asym,
        }


def homogeneity(path: str, x, degree_expected) -> dict:
    base = load(path)(x).detach()
    out = {"alphas": [0.5, 2.0, 3.0], "relativeError": {}}
    worst = {}
    for L in (1, 2, 3):
        errs = []
        for a in out["alphas"]:
            fa = scaled_copy(path, a)(x).detach()
            ref = (a ** L) * base
            errs.append(float((fa - ref).abs().max() / ref.abs().max()))
        out["relativeError"][f"degree{L}"] = errs
        worst[L] = max(errs)
    out["definition"] = "max_n,k |f(x; alpha theta) - alpha^L f(x; theta)| / max_n,k |alpha^L f(x; theta)|"
    if degree_expected is None:
        out["passed"] = all(w > 1e-3 for w in worst.values())
        out["check"] = "not homogeneous: the relative error exceeds 1e-3 for every degree L in 1..3 and alpha in {0.5, 2, 3}"
    else:
        out["passed"] = worst[degree_expected] < 1e-12
        out["check"] = f"degree {degree_expected}: relative error < 1e-12 for alpha in {{0.5, 2, 3}}"
    if not out["passed"]:
        raise SystemExit(f"homogeneity check failed for {path}: {out}")
    return out


def fl(t) -> list:
    return [float(v) for v in t.reshape(-1)]


def sha256(path: str) -> str:
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


# ----------------------------------------------------------------------------------------------- main
def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--dense-check", action="store_true",
                    help="also build the dense Hessian and compare eigvalsh with the Rayleigh-Ritz value (slow)")
    ap.add_argument("--out", default=OUT, help="output folder (default: the committed fixture folder)")
    args = ap.parse_args()
    out_dir = args.out
    t0 = time.time()
    os.makedirs(out_dir, exist_ok=True)

    torch.manual_seed(INPUT_SEED)
    x_flat = torch.rand(N_SAMPLES, IN_FEATURES)
    labels = torch.randint(0, N_CLASSES, (N_SAMPLES,), dtype=torch.int64)
    x_flat.numpy().astype("<f8").tofile(os.path.join(out_dir, "inputs.f64"))
    labels.numpy().astype("<i8").tofile(os.path.join(out_dir, "labels.i64"))

    ref = {
        "generator": "scripts/make-torchscript-fixtures.py",
        "torchVersion": torch.__version__,
        "dtype": "float64",
        "inputs": {
            "file": "inputs.f64", "sha256": sha256(os.path.join(out_dir, "inputs.f64")),
            "shape": [N_SAMPLES, IN_FEATURES], "encoding": "raw float64 little-endian, row-major",
            "origin": f"torch.manual_seed({INPUT_SEED}); torch.rand(8, 784) (uniform [0, 1))",
            "imageLayout": "for small_cnn the same buffer is read as [8, 1, 28, 28] (row-major reshape)",
        },
        "labels": {
            "file": "labels.i64", "sha256": sha256(os.path.join(out_dir, "labels.i64")),
            "shape": [N_SAMPLES], "encoding": "raw int64 little-endian",
            "origin": "drawn right after the inputs: torch.randint(0, 10, (8,))",
            "values": [int(v) for v in labels],
        },
        "loss": "torch.nn.functional.cross_entropy(logits / T, labels, reduction='mean'); T = 1 unless stated",
        "probe": PROBE_FORMULA,
        "models": {},
        "extras": {},
    }

    for name, cls, cargs, seed, degree, kind, desc in MODELS:
        tm = time.time()
        torch.manual_seed(seed)
        model = cls(*cargs).eval()
        path = os.path.join(out_dir, name + ".pt")
        save_script(model, path)
        m = load(path)
        x = layout(x_flat, kind)
        eager_logits = model(x).detach()
        logits = m(x).detach()
        if not torch.equal(eager_logits, logits):
            raise SystemExit(f"{name}: torch.jit.load logits differ from the eager model")
        for (pn, pe), (qn, qe) in zip(model.named_parameters(), m.named_parameters()):
            if pn != qn or not torch.equal(pe, qe):
                raise SystemExit(f"{name}: parameter {pn} does not round-trip")
        if any(q.dtype != torch.float64 for q in m.parameters()):
            raise SystemExit(f"{name}: a parameter is not float64")

        cur = Curvature(m, x, labels, 1.0)
        v = probe(cur.p)
        hv = cur.hvp(v)
        spec = cur.spectrum_extremes()
        entry = {
            "file": name + ".pt",
            "sha256": sha256(path),
            "description": desc,
            "seed": seed,
            "inputShape": [N_SAMPLES, IN_FEATURES] if kind == "flat" else [N_SAMPLES, 1, 28, 28],
            "outputShape": [N_SAMPLES, N_CLASSES],
            "homogeneityDegree": degree,
            "parameterCount": cur.p,
            "parameters": [{"name": pn, "shape": list(q.shape), "numel": q.numel()} for pn, q in m.named_parameters()],
            "logits": [fl(row) for row in logits],
            "loss": float(cur.loss),
            "gradientNorm": float(cur.g.norm()),
            "gradientFirst16": fl(cur.g[:16]),
            "hvp": {
                "probe": PROBE_FORMULA,
                "probeNorm": float(v.norm()),
                "norm": float(hv.norm()),
                "dot": float(v @ hv),
                "first16": fl(hv[:16]),
                "full": fl(hv),
                "method": "torch.autograd.grad(grad(loss, create_graph=True), params, grad_outputs=v)",
            },
            "hessian": spec,
            "topEigenvalue": spec["topEigenvalue"],
            "homogeneityCheck": homogeneity(path, x, degree),
        }
        if args.dense_check:
            rows = [cur.hvp(e) for e in torch.eye(cur.p)]
            h = torch.stack(rows)
            h = 0.5 * (h + h.T)
            ev = torch.linalg.eigvalsh(h)
            entry["denseCheck"] = {"topEigenvalue": float(ev[-1]), "smallestEigenvalue": float(ev[0]),
                                   "method": "dense Hessian from P HVPs, symmetrised, torch.linalg.eigvalsh"}

        scaled = []
        pairs = [(2.0, float(2.0 ** degree) if degree is not None else 4.0), (0.5, 1.0), (3.0, 1.0), (1.0, 2.0)]
        for alpha, temp in pairs:
            sc = Curvature(scaled_copy(path, alpha), x, labels, temp)
            sp = sc.spectrum_extremes()
            scaled.append({
                "alpha": alpha, "temperature": temp,
                "loss": float(sc.loss),
                "gradientNorm": float(sc.g.norm()),
                "topEigenvalue": sp["topEigenvalue"],
                "smallestEigenvalue": sp["smallestEigenvalue"],
                "rangeResidual": sp["rangeResidual"],
            })
        entry["scaled"] = {
            "definition": ("parameters phi = alpha * theta (every parameter times alpha); loss "
                           "L(phi) = cross_entropy(f(x; phi) / T, labels, mean); gradientNorm = ||dL/dphi||; "
                           "eigenvalues of d2L/dphi2. For degree L and T = alpha^L: loss equals the base loss, "
                           "gradientNorm = base / alpha, eigenvalues = base / alpha^2"),
            "points": scaled,
        }
        ref["models"][name] = entry
        print(f"{name}: P={cur.p} loss={entry['loss']:.15g} |g|={entry['gradientNorm']:.15g} "
              f"lambda_max={spec['topEigenvalue']:.15g} rank={spec['hessianRank']} "
              f"residual={spec['rangeResidual']:.1e} ({time.time() - tm:.1f} s)"
              + (f" dense={entry['denseCheck']['topEigenvalue']:.15g}" if args.dense_check else ""))

    for name, cls, cargs, seed, degree, kind, desc in EXTRAS:
        torch.manual_seed(seed)
        model = cls(*cargs).eval()
        path = os.path.join(out_dir, name + ".pt")
        save_script(model, path)
        m = load(path)
        x = layout(x_flat, kind)
        out = m(x).detach()
        if not torch.equal(model(x).detach(), out):
            raise SystemExit(f"{name}: torch.jit.load output differs from the eager model")
        e = {
            "file": name + ".pt", "sha256": sha256(path), "description": desc, "seed": seed,
            "inputShape": [N_SAMPLES, IN_FEATURES], "outputShape": list(out.shape),
            "parameterCount": sum(q.numel() for q in m.parameters()),
            "parameters": [{"name": pn, "shape": list(q.shape), "numel": q.numel()} for pn, q in m.named_parameters()],
            "output": [fl(row) for row in out] if out.dim() == 2 else fl(out),
        }
        if name == "five_classes":
            e["homogeneityDegree"] = degree
            e["homogeneityCheck"] = homogeneity(path, x, degree)
        ref["extras"][name] = e

    bad = os.path.join(out_dir, "not_torchscript.pt")
    with open(bad, "wb") as f:
        f.write(b"This is not a TorchScript archive (a bad-input test fixture).\n")
        f.write(bytes((i * 37 + 11) % 256 for i in range(256)))
    ref["extras"]["not_torchscript"] = {
        "file": "not_torchscript.pt", "sha256": sha256(bad),
        "description": "a text line followed by 256 bytes (i * 37 + 11) mod 256; not a zip/TorchScript archive",
    }
    try:
        torch.jit.load(bad)
        raise SystemExit("not_torchscript.pt unexpectedly loads")
    except RuntimeError:
        pass

    with open(os.path.join(out_dir, "reference.json"), "w") as f:
        json.dump(ref, f, indent=1)
        f.write("\n")
    print(f"wrote {out_dir} in {time.time() - t0:.1f} s")


if __name__ == "__main__":
    main()
