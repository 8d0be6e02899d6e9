#!/usr/bin/env python3
"""An independent check of the digits of the numeric answer keys.

The keys in reference/<id>.key are printed by the C++ code from each case's `derive` block,
evaluated in MPFR. This script recomputes every asked numeric quantity another way and compares
the printed digits exactly, the way Boost.Math checks its functions against data from an
independent generator. It is independent of the C++ code because

  * the forward passes are written here from each case's prose statement (and its comments on the
    conventions), with loops, lists and function composition, not translated from `derive`;
    nothing of `derive` is read: only the `given` block, which is the problem's data;
  * every derivative is mpmath's numerical differentiation (mpmath.diff) of such a forward
    function, never a backpropagation formula: no chain rule written by hand can be shared with
    the case. A derivative with respect to an intermediate (dL/dh1, dL/dz3) differentiates the
    forward function from that intermediate on, as the statement reads the quantity;
  * the arithmetic is mpmath's (80 significant digits, mp.dps = 80), not MPFR through
    Boost.Multiprecision, and the rounding to the printed digits is done here, exactly, in decimal.

Usage:
  independent_keys.py --check REFERENCE_DIR     every numeric key in the folder
  independent_keys.py --student ID [--grader PATH]
                                                the per-student keys of the cases with [variants],
                                                as `grader key CASE --student ID --format json`
  independent_keys.py --reports [--grader PATH]  the reference values a report prints (to 12 digits),
                                                as `grader grade CASE BLANK --format json --reveal always`
Exit status 1 on any digit that differs, on a quantity computed here but not in the key or the
other way round, and on a key with numeric values whose case is not covered here.

Run with Debian's /usr/bin/python3 and python3-mpmath (bash ci/install-deps.sh).
"""

import argparse
import decimal
import json
import os
import re
import subprocess
import sys
import tempfile
import time

try:
    import mpmath
except ImportError:
    sys.exit("independent_keys.py: this Python has no mpmath: install python3-mpmath: bash ci/install-deps.sh")
try:
    import tomllib
except ImportError:
    sys.exit("independent_keys.py: needs Python 3.11 or later (tomllib); Debian's /usr/bin/python3 has it")

from mpmath import mpf

mpmath.mp.dps = 80

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# Numeric cases deliberately not recomputed here, with the reason. None: a key with numeric values
# whose case is neither covered nor listed here fails the check.
NOT_COVERED = {}


# ---------------------------------------------------------------------------------------------
# Numbers: the givens as written, derivatives, and printing to the key's digits.

def number(text):
    """A given as written ("0.15", "1e-8", "[0.5, -1]", "[[1, 1], [1, 1]]") as mpf or nested lists."""
    quoted = re.sub(r"[-+0-9.eE]+", lambda m: '"' + m.group() + '"', text)
    try:
        tree = json.loads(quoted)
    except json.JSONDecodeError:
        raise ValueError(f"not a number or a list of numbers: {text!r}") from None

    def convert(t):
        return [convert(u) for u in t] if isinstance(t, list) else mpf(t)
    return convert(tree)


def givens_of(case_id, cases_dir):
    """The case's `given` block: name = value lines, comments after #."""
    with open(os.path.join(cases_dir, case_id, "case.toml"), "rb") as f:
        text = tomllib.load(f).get("given", "")
    out = {}
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            name, value = (s.strip() for s in line.split("=", 1))
            out[name] = number(value)
    return out


def d(f, x):
    """df/dx by mpmath.diff. For a first derivative its default is a central difference with step
    2^-(prec+10), evaluated at about twice the working precision (mpmath's hsteps), so that the
    result carries more than the 80 digits asked: the step's error is of order 2^-(2 prec) and
    the cancellation costs prec+10 of the 2 prec+40 working bits."""
    return mpmath.diff(f, x)


def grad(f, x):
    """The partial derivatives of f at x (a number, a list or a list of lists), in x's shape: each
    entry of x varied alone, the others held."""
    if not isinstance(x, list):
        return d(f, x)

    def at(path, t):
        y = replaced(x, path, t)
        return f(y)
    return shaped(x, lambda path, v: d(lambda t: at(path, t), v))


def replaced(x, path, t):
    if not path:
        return t
    y = list(x)
    y[path[0]] = replaced(x[path[0]], path[1:], t)
    return y


def shaped(x, fn, path=()):
    if isinstance(x, list):
        return [shaped(u, fn, path + (k,)) for k, u in enumerate(x)]
    return fn(path, x)


def sigmoid(z):
    return 1 / (1 + mpmath.exp(-z))


def decimal_of(x):
    """The exact decimal value of an mpf (a binary fraction has a finite decimal expansion)."""
    sign, man, exp, _ = x._mpf_
    if exp >= 0:
        return decimal.Decimal((sign, tuple(map(int, str(man << exp))), 0))
    # man * 2^exp = man * 5^-exp * 10^exp
    return decimal.Decimal((sign, tuple(map(int, str(man * 5 ** (-exp)))), exp))


def printed(x, n):
    """x to n significant digits, in the keys' layout: "0" for zero; plain decimal for
    1e-5 <= |x| < 1e21 (0.00087713..., 24161.000...); d.ddd...e-7 style outside.
    The value carries 80 digits of which the last few are the computation's error, so it is
    first rounded to 75 digits: an exact tie at digit n+1 (a finite decimal such as 0.00025 asked
    to fewer digits) then reads as the tie it is and is broken to even, as the decimal expansion
    of the true value asks. |x| < 1e-70 is taken for 0: nothing asked is that small, and an exact
    0 reached through mpmath.diff is a noise of that order (the key prints 0 below 1e-80)."""
    if x == 0 or abs(x) < mpf("1e-70"):
        return "0"
    value = decimal_of(x)
    value = decimal.Context(prec=75, rounding=decimal.ROUND_HALF_EVEN).plus(value)
    value = decimal.Context(prec=n, rounding=decimal.ROUND_HALF_EVEN).plus(value)
    sign, digit_tuple, exp = value.as_tuple()
    digits = "".join(map(str, digit_tuple)).rstrip("0") or "0"
    exponent = len(digit_tuple) - 1 + exp          # x = d1.d2d3... * 10^exponent
    digits = digits.ljust(n, "0")
    out = "-" if sign else ""
    if exponent < -5 or exponent > 20:
        out += digits[0] + ("." + digits[1:] if n > 1 else "") + "e" + str(exponent)
    elif exponent < 0:
        out += "0." + "0" * (-exponent - 1) + digits
    elif exponent + 1 >= n:
        out += digits + "0" * (exponent + 1 - n)
    else:
        out += digits[: exponent + 1] + "." + digits[exponent + 1:]
    return out


def significant_digits(text):
    """How many significant digits a key's entry prints (all its digits after leading zeros)."""
    mantissa = text.lstrip("-").split("e")[0].replace(".", "").lstrip("0")
    return max(len(mantissa), 1)


def agrees(value, key_text):
    """Whether value, rounded as the key's entry is, prints as that entry. An integer printed
    to fewer digits than it has (12300000) hides its count of digits in its zeros: every count
    from its nonzero digits to all of them is tried."""
    n = significant_digits(key_text)
    counts = [n]
    if "." not in key_text and "e" not in key_text:
        counts = range(n, max(len(key_text.lstrip("-").rstrip("0")), 1) - 1, -1)
    return any(printed(value, k) == key_text for k in counts), printed(value, n)


def flat(v):
    return [e for u in v for e in flat(u)] if isinstance(v, list) else [v]


# ---------------------------------------------------------------------------------------------
# The cases, each from its statement. Each takes the givens and returns {quantity: value}.

def adam_two_steps(g):
    # L(w) = 1/2 (w_0 - 1)^2 + 2 (w_1 + 0.5)^2; Adam with bias correction, moments from 0.
    def loss(w):
        return (w[0] - 1) ** 2 / 2 + 2 * (w[1] + mpf(1) / 2) ** 2
    lr, beta1, beta2, eps = g["lr"], g["beta1"], g["beta2"], g["eps"]
    w = list(g["w0"])
    m = [mpf(0)] * len(w)
    v = [mpf(0)] * len(w)
    out = {}
    for t in (1, 2):
        gt = grad(loss, w)
        m = [beta1 * mk + (1 - beta1) * gk for mk, gk in zip(m, gt)]
        v = [beta2 * vk + (1 - beta2) * gk * gk for vk, gk in zip(v, gt)]
        mhat = [mk / (1 - beta1 ** t) for mk in m]
        vhat = [vk / (1 - beta2 ** t) for vk in v]
        w = [wk - lr * mh / (mpmath.sqrt(vh) + eps) for wk, mh, vh in zip(w, mhat, vhat)]
        out.update({f"g{t}": gt, f"m{t}": m, f"v{t}": v, f"mhat{t}": mhat, f"vhat{t}": vhat, f"w{t}": w})
    return out


def batchnorm_batch_of_4(g):
    x, gamma, beta, eps, c = g["x"], g["gamma"], g["beta"], g["eps"], g["c"]
    m = len(x)
    assert m == g["m"], "m is the batch's size"

    def mean(u):
        return sum(u) / m

    def spread(u, centre):      # the biased variance about a centre
        return mean([(ui - centre) ** 2 for ui in u])

    def normalised(u, centre, var):
        return [(ui - centre) / mpmath.sqrt(var + eps) for ui in u]

    def loss_of_xhat(xhat, scale=gamma, shift=beta):   # L = sum_i c_i y_i, y = gamma xhat + beta
        return sum(ci * (scale * xh + shift) for ci, xh in zip(c, xhat))

    def loss_of_x(u):
        centre = mean(u)
        return loss_of_xhat(normalised(u, centre, spread(u, centre)))

    mu = mean(x)
    var = spread(x, mu)
    xhat = normalised(x, mu, var)
    return {
        "mu": mu, "var": var, "xhat": xhat,
        "y": [gamma * xh + beta for xh in xhat],
        "dL_dbeta": d(lambda b: loss_of_xhat(xhat, shift=b), beta),
        "dL_dgamma": d(lambda s: loss_of_xhat(xhat, scale=s), gamma),
        "dL_dxhat": grad(loss_of_xhat, xhat),
        # the statement: dL/dvar holds x and mu; dL/dmu lets var follow mu; dL/dx is total
        "dL_dvar": d(lambda s2: loss_of_xhat(normalised(x, mu, s2)), var),
        "dL_dmu": d(lambda u: loss_of_xhat(normalised(x, u, spread(x, u))), mu),
        "dL_dx": grad(loss_of_x, x),
    }


def comp_graph_ln_exp(g):
    # f(x, y, z) = ln x + e^y z, nodes h1 = ln x, h2 = exp y, h3 = h2 z, f = h1 + h3.
    x, y, z = g["x"], g["y"], g["z"]
    h1, h2 = mpmath.log(x), mpmath.exp(y)
    h3 = h2 * z

    def f(x, y, z):
        return mpmath.log(x) + mpmath.exp(y) * z
    return {
        "h1": h1, "h2": h2, "h3": h3, "f": h1 + h3,
        # local partials: each node's output against one of its inputs, the other held
        "df_dh1": d(lambda a: a + h3, h1),
        "df_dh3": d(lambda a: h1 + a, h3),
        "dh1_dx": d(mpmath.log, x),
        "dh2_dy": d(mpmath.exp, y),
        "dh3_dh2": d(lambda a: a * z, h2),
        "dh3_dz": d(lambda a: h2 * a, z),
        # through the graph from h2 on, and from the inputs
        "df_dh2": d(lambda a: h1 + a * z, h2),
        "df_dx": d(lambda t: f(t, y, z), x),
        "df_dy": d(lambda t: f(x, t, z), y),
        "df_dz": d(lambda t: f(x, y, t), z),
    }


def jacobian_at_points(g):
    def F(x, y):
        return [x ** 2 + 2 * y, 3 * x + 4 * y ** 2]

    def G(t):
        return [t, t ** 2]
    x, y, t = g["x"], g["y"], g["t"]
    out = {}
    for i in (0, 1):
        out[f"J{i + 1}1"] = d(lambda s: F(s, y)[i], x)
        out[f"J{i + 1}2"] = d(lambda s: F(x, s)[i], y)
        out[f"JFG_{i + 1}"] = d(lambda s: F(*G(s))[i], t)
    return out


def linear_2_2_1_se(g):
    # h1 = w1 i1 + w2 i2, h2 = w3 i1 + w4 i2, out = w5 h1 + w6 h2, L = 1/2 (y - out)^2.
    names = ["w1", "w2", "w3", "w4", "w5", "w6"]
    i, y, eta = [g["i1"], g["i2"]], g["y"], g["eta"]
    into_hidden = [[0, 1], [2, 3]]          # which weights feed h1 and h2, in input order

    def hidden(w):
        return [sum(w[k] * ik for k, ik in zip(row, i)) for row in into_hidden]

    def loss_of_out(o):
        return (y - o) ** 2 / 2

    def loss_of_hidden(h, w5, w6):
        return loss_of_out(w5 * h[0] + w6 * h[1])

    def loss(w):
        return loss_of_hidden(hidden(w), w[4], w[5])

    w = [g[n] for n in names]
    h = hidden(w)
    out_value = w[4] * h[0] + w[5] * h[1]
    dw = grad(loss, w)
    dh = grad(lambda u: loss_of_hidden(u, w[4], w[5]), h)
    q = {"h1": h[0], "h2": h[1], "out": out_value, "loss": loss_of_out(out_value),
         "dL_dout": d(loss_of_out, out_value), "dL_dh1": dh[0], "dL_dh2": dh[1]}
    for n, wk, gk in zip(names, w, dw):
        q[f"dL_d{n}"] = gk
        q[f"{n}_new"] = wk - eta * gk
    return q


def linear_discriminant(g):
    b = [g["b0"], g["b1"], g["b2"]]
    point = [1, g["x1"], g["x2"]]

    def boundary(p):                     # g(x1, x2) = g0 + g1 x1 + g2 x2
        return g["g0"] + g["g1"] * p[0] + g["g2"] * p[1]
    origin = [mpf(0), mpf(0)]
    normal = grad(boundary, origin)
    length = mpmath.sqrt(sum(n * n for n in normal))
    return {
        "y": sum(bk * pk for bk, pk in zip(b, point)),
        "normal_1": normal[0], "normal_2": normal[1],
        "unit_normal_1": normal[0] / length, "unit_normal_2": normal[1] / length,
        "distance": boundary(origin) / length,
    }


# The 2-2-2 network of seed 000 Problem 1: w1, w2 into h1 (from i1, i2), w3, w4 into h2; w5, w6
# into o1 (from h1, h2), w7, w8 into o2; one bias per layer shared by its units; sigmoid everywhere.
NET_222 = {"hidden": [["w1", "w2"], ["w3", "w4"]], "output": [["w5", "w6"], ["w7", "w8"]]}


def layer(p, rows, bias, inputs):
    """Pre-activations of a layer: unit j sums p[rows[j][k]] * inputs[k], plus the shared bias."""
    return [sum(p[name] * a for name, a in zip(row, inputs)) + p[bias] for row in rows]


def net_222(p, inputs):
    z_h = layer(p, NET_222["hidden"], "b1", inputs)
    a_h = [sigmoid(z) for z in z_h]
    z_o = layer(p, NET_222["output"], "b2", a_h)
    return z_h, a_h, z_o, [sigmoid(z) for z in z_o]


def mlp_2_2_2_sigmoid_bce(g):
    z_h, a_h, z_o, a_o = net_222(g, [g["i1"], g["i2"]])
    costs = [-(y * mpmath.log(a) + (1 - y) * mpmath.log(1 - a)) for y, a in zip([g["y1"], g["y2"]], a_o)]
    q = {"C": sum(costs)}
    for j in (0, 1):
        q.update({f"z_h{j + 1}": z_h[j], f"a_h{j + 1}": a_h[j], f"z_o{j + 1}": z_o[j],
                  f"a_o{j + 1}": a_o[j], f"C_o{j + 1}": costs[j]})
    return q


def mlp_2_2_2_sigmoid_mse(g):
    targets, inputs, eta = [g["t1"], g["t2"]], [g["i1"], g["i2"]], g["eta"]
    params = ["w1", "w2", "w3", "w4", "w5", "w6", "w7", "w8", "b1", "b2"]

    def loss_of_outputs(o):              # L = 1/2 sum (target - output)^2
        return sum((t - ok) ** 2 for t, ok in zip(targets, o)) / 2

    def loss_of_hidden(h):
        return loss_of_outputs([sigmoid(z) for z in layer(g, NET_222["output"], "b2", h)])

    def loss_of(name):
        return lambda value: loss_of_outputs(net_222({**g, name: value}, inputs)[3])

    z_h, h, z_o, o = net_222(g, inputs)
    q = {"z1": z_h[0], "h1": h[0], "z2": z_h[1], "h2": h[1], "z3": z_o[0], "o1": o[0],
         "z4": z_o[1], "o2": o[1], "loss": loss_of_outputs(o)}
    dh = grad(loss_of_hidden, h)
    q.update({"dL_dh1": dh[0], "dL_dh2": dh[1]})
    for name in params:                  # a shared bias moves both units of its layer
        slope = d(loss_of(name), g[name])
        q[f"dL_d{name}"] = slope
        q[f"{name}_new"] = g[name] - eta * slope
    return q


def mlp_2_3_1_sigmoid_l2(g):
    # z_j = sigmoid(w_j0 + w_j1 x1 + w_j2 x2), yhat = v0 + sum_j v_j z_j, E = 1/2 sum (y - yhat)^2.
    W = [[g[f"w{j}{k}"] for k in range(3)] for j in (1, 2, 3)]
    v = [g[f"v{k}"] for k in range(4)]
    points = [([g[f"x1_{i}"], g[f"x2_{i}"]], g[f"y_{i}"]) for i in (1, 2, 3)]

    def hidden(W, x):
        return [sigmoid(row[0] + row[1] * x[0] + row[2] * x[1]) for row in W]

    def predict(W, v, x):
        return v[0] + sum(vj * zj for vj, zj in zip(v[1:], hidden(W, x)))

    def E(W, v):
        return sum((y - predict(W, v, x)) ** 2 for x, y in points) / 2

    q = {"E": E(W, v)}
    for i, (x, y) in enumerate(points, start=1):
        for j, zj in enumerate(hidden(W, x), start=1):
            q[f"z{j}_{i}"] = zj
        q[f"yhat_{i}"] = predict(W, v, x)
        q[f"sqerr_{i}"] = (y - q[f"yhat_{i}"]) ** 2
    for k, slope in enumerate(grad(lambda u: E(W, u), v)):
        q[f"dE_dv{k}"] = slope
    for j, row in enumerate(grad(lambda U: E(U, v), W), start=1):
        for k, slope in enumerate(row):
            q[f"dE_dw{j}{k}"] = slope
    return q


def mlp_3_4_3_3_tanh_softmax_ce(g):
    x, y = g["x"], g["y"]
    W1, b1, W2, b2, W3, b3 = (g[n] for n in ("W1", "b1", "W2", "b2", "W3", "b3"))

    def affine(W, a, b):
        return [sum(wk * ak for wk, ak in zip(row, a)) + bj for row, bj in zip(W, b)]

    def tanh(u):
        return [mpmath.tanh(t) for t in u]

    def softmax(u):
        e = [mpmath.exp(t) for t in u]
        return [t / sum(e) for t in e]

    # the loss from each point of the network on, the parameters after it held unless given
    def from_z3(z3):
        return -sum(yk * mpmath.log(sk) for yk, sk in zip(y, softmax(z3)))

    def from_a2(a2, W=W3, b=b3):
        return from_z3(affine(W, a2, b))

    def from_z2(z2):
        return from_a2(tanh(z2))

    def from_a1(a1, W=W2, b=b2):
        return from_z2(affine(W, a1, b))

    def from_z1(z1):
        return from_a1(tanh(z1))

    def from_x(u, W=W1, b=b1):
        return from_z1(affine(W, u, b))

    z1 = affine(W1, x, b1)
    a1 = tanh(z1)
    z2 = affine(W2, a1, b2)
    a2 = tanh(z2)
    z3 = affine(W3, a2, b3)
    return {
        "z1": z1, "a1": a1, "z2": z2, "a2": a2, "z3": z3, "s": softmax(z3), "loss": from_z3(z3),
        "dL_dz3": grad(from_z3, z3),
        "dL_dW3": grad(lambda W: from_a2(a2, W=W), W3),
        "dL_db3": grad(lambda b: from_a2(a2, b=b), b3),
        "dL_da2": grad(from_a2, a2),
        "dL_dz2": grad(from_z2, z2),
        "dL_dW2": grad(lambda W: from_a1(a1, W=W), W2),
        "dL_db2": grad(lambda b: from_a1(a1, b=b), b2),
        "dL_da1": grad(from_a1, a1),
        "dL_dz1": grad(from_z1, z1),
        "dL_dW1": grad(lambda W: from_x(x, W=W), W1),
        "dL_db1": grad(lambda b: from_x(x, b=b), b1),
        "dL_dx": grad(from_x, x),
    }


def param_count_300_80_1(g):
    # Build the parameters as arrays of the statement's shapes and count their entries.
    def size(a):
        return sum(size(u) for u in a) if isinstance(a, list) else 1
    n_in, n_hid, n_out = (int(g[n]) for n in ("n_features", "n_hidden", "n_outputs"))
    features = [0] * n_in
    logreg_w, logreg_b = [0] * len(features), 0
    W1 = [[0] * len(features) for _ in range(n_hid)]      # one weight per (unit, input)
    W2 = [[0] * n_hid for _ in range(n_out)]
    b_hidden, b_out = [0] * n_hid, [0] * n_out           # one bias per unit
    counts = {
        "n_x": size(features), "n_weights_logreg": size(logreg_w), "dim_b_logreg": size(logreg_b),
        "n_W1": size(W1), "n_W2": size(W2), "n_weights_total": size([W1, W2]),
        "n_b_hidden": size(b_hidden), "n_b_out": size(b_out), "n_biases_total": size([b_hidden, b_out]),
        "n_params": size([W1, W2, b_hidden, b_out]),
    }
    return {k: mpf(v) for k, v in counts.items()}


def xor_relu_2_2_1(g):
    W1, b1, W2, b2 = g["W1"], g["b1"], g["W2"], g["b2"]
    q = {}
    for bits in ("00", "01", "10", "11"):
        x = g[f"x_{bits}"]
        z = [sum(w * xi for w, xi in zip(row, x)) + b for row, b in zip(W1, b1)]
        h = [max(zj, mpf(0)) for zj in z]
        for j in (0, 1):
            q[f"z{j + 1}_{bits}"], q[f"h{j + 1}_{bits}"] = z[j], h[j]
        q[f"yhat_{bits}"] = sum(w * hj for w, hj in zip(W2[0], h)) + b2
    return q


CASES = {
    "adam-two-steps": adam_two_steps,
    "batchnorm-batch-of-4": batchnorm_batch_of_4,
    "comp-graph-ln-exp": comp_graph_ln_exp,
    "jacobian-at-points": jacobian_at_points,
    "linear-2-2-1-se": linear_2_2_1_se,
    "linear-discriminant": linear_discriminant,
    "mlp-2-2-2-sigmoid-bce": mlp_2_2_2_sigmoid_bce,
    "mlp-2-2-2-sigmoid-mse": mlp_2_2_2_sigmoid_mse,
    "mlp-2-3-1-sigmoid-l2": mlp_2_3_1_sigmoid_l2,
    "mlp-3-4-3-3-tanh-softmax-ce": mlp_3_4_3_3_tanh_softmax_ce,
    "param-count-300-80-1": param_count_300_80_1,
    "xor-relu-2-2-1": xor_relu_2_2_1,
}


# ---------------------------------------------------------------------------------------------
# Reading keys and comparing.

def read_key_file(path):
    """{quantity: nested lists of entry strings} for the numeric quantities of a .key file. A
    quantity is a block of comment lines and one `name = value` line; a formula's first comment
    reads "# name: a formula", and its value is an expression: skipped."""
    values, formula = {}, False
    with open(path) as f:
        for line in f:
            line = line.rstrip("\n")
            if not line.strip():
                formula = False
            elif line.startswith("#"):
                formula = formula or re.match(r"# \w+: a formula\b", line) is not None
            else:
                name, value = (s.strip() for s in line.split("=", 1))
                if not formula:
                    quoted = re.sub(r"[^\s\[\],]+", lambda m: '"' + m.group() + '"', value)
                    try:
                        values[name] = json.loads(quoted)
                    except json.JSONDecodeError:
                        sys.exit(f"{path}: {name} is neither a formula nor a number or list of numbers: {value}")
                formula = False
    return values


def compare(case_id, mine, key):
    """Lines describing every disagreement between my values and the key's strings; the count."""
    problems, count = [], 0
    for name in key:
        if name not in mine:
            problems.append(f"  {name}: in the key, not computed here")
            continue
        theirs, ours = flat(key[name]), flat(mine[name])
        if len(theirs) != len(ours):
            problems.append(f"  {name}: the key has {len(theirs)} entries, here {len(ours)}")
            continue
        for k, (text, value) in enumerate(zip(theirs, ours)):
            count += 1
            ok, mine_text = agrees(value, text)
            if not ok:
                where = f"[{k}]" if len(theirs) > 1 else ""
                problems.append(f"  {name}{where}: key {text}\n  {' ' * len(name + where)}  here {mine_text}")
    for name in mine:
        if name not in key:
            problems.append(f"  {name}: computed here, not in the key")
    return problems, count


def report(case_id, problems, count):
    if problems:
        print(f"{case_id}: {len(problems)} disagreement(s) in {count} values")
        for p in problems:
            print(p)
    else:
        print(f"{case_id}: {count} values, every digit agrees")


def check_reference(reference_dir, cases_dir):
    failed, total, seen = False, 0, set()
    for file in sorted(os.listdir(reference_dir)):
        if not file.endswith(".key"):
            continue
        case_id = file[:-len(".key")]
        key = read_key_file(os.path.join(reference_dir, file))
        if case_id in CASES:
            seen.add(case_id)
            if not key:
                print(f"{case_id}: covered here, but its key has no numeric value")
                failed = True
                continue
            problems, count = compare(case_id, CASES[case_id](givens_of(case_id, cases_dir)), key)
            report(case_id, problems, count)
            failed |= bool(problems)
            total += count
        elif key and case_id not in NOT_COVERED:
            print(f"{case_id}: its key has {len(key)} numeric quantities, and no independent computation here")
            failed = True
    for case_id in sorted(set(CASES) - seen):
        print(f"{case_id}: covered here, but {reference_dir} has no key for it")
        failed = True
    print(f"{total} values compared in {len(seen)} cases")
    return failed


def check_student(student, grader, cases_dir):
    failed, total = False, 0
    variant_cases = []
    for case_id in sorted(os.listdir(cases_dir)):
        path = os.path.join(cases_dir, case_id, "case.toml")
        if os.path.isfile(path):
            with open(path, "rb") as f:
                if "variants" in tomllib.load(f):
                    variant_cases.append(case_id)
    for case_id in variant_cases:
        if case_id not in CASES:
            print(f"{case_id}: has [variants], and no independent computation here")
            failed = True
            continue
        try:
            run = subprocess.run([grader, "key", os.path.join(cases_dir, case_id), "--student", student, "--format", "json"],
                                 capture_output=True, text=True)
        except OSError as e:
            sys.exit(f"independent_keys.py: cannot run the grader {grader}: {e.strerror} (build it, or give --grader PATH)")
        if run.returncode != 0:
            print(f"{case_id}: grader key --student failed ({run.returncode}): {run.stderr.strip()}")
            failed = True
            continue
        doc = json.loads(run.stdout)
        givens = {name: number(text) for name, text in doc["givens"].items()}
        key = {q["name"]: q["value"] for q in doc["quantities"] if "value" in q}
        problems, count = compare(case_id, CASES[case_id](givens), key)
        report(f"{case_id} ({student})", problems, count)
        failed |= bool(problems)
        total += count
    print(f"{total} values compared in {len(variant_cases)} cases for {student}")
    return failed


def check_reports(grader, cases_dir):
    """The values a TA's report shows for each asked quantity (its "reference", 12 digits), read
    from the report of a blank answer file, every one of them shown."""
    failed, total = False, 0
    with tempfile.TemporaryDirectory() as tmp:
        blank = os.path.join(tmp, "blank.txt")
        with open(blank, "w", encoding="utf-8") as f:
            f.write("# nothing answered\n")
        for case_id in sorted(CASES):
            try:
                run = subprocess.run([grader, "grade", os.path.join(cases_dir, case_id), blank, "--format", "json", "--reveal", "always"],
                                     capture_output=True, text=True)
            except OSError as e:
                sys.exit(f"independent_keys.py: cannot run the grader {grader}: {e.strerror} (build it, or give --grader PATH)")
            if run.returncode not in (0, 1):
                print(f"{case_id}: grader grade failed ({run.returncode}): {run.stderr.strip()}")
                failed = True
                continue
            shown = {}
            for r in json.loads(run.stdout)["results"]:
                text = r.get("reference") or ""
                if text:
                    entries = [e.strip() for e in text.replace("[", " ").replace("]", " ").split(",")]
                    shown[r["name"]] = entries if len(entries) > 1 else entries[0]
            problems, count = compare(case_id, CASES[case_id](givens_of(case_id, cases_dir)), shown)
            report(f"{case_id} (report)", problems, count)
            failed |= bool(problems)
            total += count
    print(f"{total} reported values compared in {len(CASES)} cases")
    return failed


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    mode = parser.add_mutually_exclusive_group(required=True)
    mode.add_argument("--check", metavar="REFERENCE_DIR", help="compare with every numeric key in this folder")
    mode.add_argument("--student", metavar="ID", help="compare with this student's keys of the cases with [variants]")
    mode.add_argument("--reports", action="store_true", help="compare with the reference values a report prints")
    parser.add_argument("--grader", default=os.path.join(ROOT, "build", "lib", "grader"), help="the grader (for --student and --reports)")
    parser.add_argument("--cases", default=os.path.join(ROOT, "cases"), help="the cases folder")
    args = parser.parse_args()
    start = time.monotonic()
    if args.check:
        failed = check_reference(args.check, args.cases)
    elif args.reports:
        failed = check_reports(args.grader, args.cases)
    else:
        failed = check_student(args.student, args.grader, args.cases)
    print(f"{time.monotonic() - start:.1f} s")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
