#pragma once
/// A multilayer perceptron of any depth: layer l computes
///   z_l = W_l a_{l-1} + b_l,  a_l = f_l(z_l),  a_0 = x,
/// and backpropagation, given the upstream gradient dL/da_L of the output:
///   dL/dz_l = dL/da_l (.) f_l'(z_l)
///   dL/dW_l = dL/dz_l a_{l-1}^T,  dL/db_l = dL/dz_l (summed when shared)
///   dL/da_{l-1} = W_l^T dL/dz_l

#include "gradecheck/ops/activation.hpp"
#include "gradecheck/ops/dense.hpp"

#include <stdexcept>
#include <vector>

namespace gradecheck::ops {

/// One layer: weights (outputs x inputs), bias (one per unit or one shared), activation.
template <class Real>
struct layer {
  numeric::matrix<Real> W;
  std::vector<Real> b;
  activation<Real> f;
};

/// Every intermediate of a forward pass: z[l] and a[l + 1] belong to layer l; a[0] = x.
template <class Real>
struct mlp_trace {
  std::vector<std::vector<Real>> z;
  std::vector<std::vector<Real>> a;
  /// Returns the network's output a_L.
  [[nodiscard]] const std::vector<Real>& output() const { return a.back(); }
};

/// The gradients of a backward pass: dW[l], db[l], dz[l] for layer l, and
/// da[l] = dL/da_l for l = 0..L (da[0] = dL/dx, da[L] = the upstream gradient).
template <class Real>
struct mlp_gradients {
  std::vector<numeric::matrix<Real>> dW;
  std::vector<std::vector<Real>> db;
  std::vector<std::vector<Real>> dz;
  std::vector<std::vector<Real>> da;
};

/// Returns the forward trace of the network on input x.
template <class Real>
mlp_trace<Real> mlp_forward(const std::vector<layer<Real>>& layers, const std::vector<Real>& x) {
  mlp_trace<Real> t;
  t.a.push_back(x);
  for (const auto& L : layers) {
    t.z.push_back(dense(L.W, t.a.back(), L.b));
    std::vector<Real> a(t.z.back().size());
    for (std::size_t i = 0; i < a.size(); ++i) a[i] = apply(L.f, t.z.back()[i]);
    t.a.push_back(std::move(a));
  }
  return t;
}

/// Returns every gradient of the loss given the trace and dL/da_L.
template <class Real>
mlp_gradients<Real> mlp_backward(const std::vector<layer<Real>>& layers, const mlp_trace<Real>& trace,
                                 const std::vector<Real>& dL_doutput) {
  const std::size_t depth = layers.size();
  if (trace.z.size() != depth || dL_doutput.size() != trace.output().size())
    throw std::invalid_argument("mlp_backward: trace or upstream gradient does not match the network");
  mlp_gradients<Real> g;
  g.dW.resize(depth);
  g.db.resize(depth);
  g.dz.resize(depth);
  g.da.resize(depth + 1);
  g.da[depth] = dL_doutput;
  for (std::size_t l = depth; l-- > 0;) {
    const auto& z = trace.z[l];
    std::vector<Real> dz(z.size());
    for (std::size_t i = 0; i < z.size(); ++i) dz[i] = g.da[l + 1][i] * derivative(layers[l].f, z[i]);
    auto d = dense_vjp(layers[l].W, trace.a[l], layers[l].b.size(), dz);
    g.dW[l] = std::move(d.dW);
    g.db[l] = std::move(d.db);
    g.da[l] = std::move(d.dx);
    g.dz[l] = std::move(dz);
  }
  return g;
}

}  // namespace gradecheck::ops
