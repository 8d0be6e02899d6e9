"""The injection benchmark of lib/bench/injection.cpp run through PyTorch's
torch.autograd.gradcheck in float64 with its default tolerances (eps 1e-6,
atol 1e-5, rtol 1e-3): the first entry of each op's backward is multiplied by
(1 + d) for d = 10^-1, 10^-2, ..., and the smallest d still caught is printed.
PyTorch is optional (Debian's python3-torch); without it the script says so."""
import sys

try:
    import torch
except ImportError:
    print("torch.autograd.gradcheck: PyTorch is not installed (Debian: python3-torch); skipped")
    sys.exit(0)

torch.manual_seed(2025)


def with_injected_error(forward, jacobian, d):
    """A torch op whose backward is the analytic vector-Jacobian product, first entry scaled by (1 + d)."""

    class Op(torch.autograd.Function):
        @staticmethod
        def forward(ctx, x):
            ctx.save_for_backward(x)
            return forward(x)

        @staticmethod
        def backward(ctx, g):
            (x,) = ctx.saved_tensors
            J = jacobian(x).clone()
            J.view(-1)[0] *= 1 + d
            return (g.reshape(1, -1) @ J).reshape(x.shape)

    return Op.apply


def sig(x):
    return 1 / (1 + torch.exp(-x))


y = torch.tensor([0.2, 0.7, 0.1], dtype=torch.float64)
ops = {
    "sigmoid": (sig, lambda x: torch.diag(sig(x) * (1 - sig(x))), torch.randn(3)),
    "tanh": (torch.tanh, lambda x: torch.diag(1 - torch.tanh(x) ** 2), torch.randn(3)),
    "softplus": (lambda x: torch.log1p(torch.exp(x)), lambda x: torch.diag(sig(x)), torch.randn(3)),
    "softmax": (lambda x: torch.softmax(x, 0),
                lambda x: torch.diag(torch.softmax(x, 0)) - torch.outer(torch.softmax(x, 0), torch.softmax(x, 0)),
                torch.randn(4)),
    "log_softmax": (lambda x: torch.log_softmax(x, 0),
                    lambda x: torch.eye(4, dtype=torch.float64) - torch.softmax(x, 0).repeat(4, 1), torch.randn(4)),
    "mse": (lambda p: ((p - y) ** 2).mean().reshape(1), lambda p: (2 * (p - y) / 3).reshape(1, -1), torch.randn(3)),
    "bce": (lambda p: -(y * torch.log(p) + (1 - y) * torch.log(1 - p)).sum().reshape(1),
            lambda p: ((p - y) / (p * (1 - p))).reshape(1, -1), torch.rand(3) * 0.6 + 0.2),
    "cross_entropy_with_logits": (lambda z: -(y * torch.log_softmax(z, 0)).sum().reshape(1),
                                  lambda z: (torch.softmax(z, 0) * y.sum() - y).reshape(1, -1), torch.randn(3)),
}

print("smallest relative error injected into an analytic derivative that torch.autograd.gradcheck (float64) catches")
worst = 99
for name, (forward, jacobian, x0) in ops.items():
    x = x0.to(torch.float64).requires_grad_(True)
    smallest = 0
    for k in range(1, 30):
        op = with_injected_error(forward, jacobian, 10.0 ** -k)
        if torch.autograd.gradcheck(op, (x,), raise_exception=False):
            break
        smallest = k
    worst = min(worst, smallest)
    print(f"{name:28s} 1e-{smallest}")
print(f"every op: errors of 1e-{worst} and larger are caught")
