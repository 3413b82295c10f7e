//! Derivative rules for `ndarray` arrays and for everything the macro cannot prove scalar
//! (the "tensor path", reached as `::ad_runtime::__private::tensor::NAME`). Every rule works
//! for `f32`/`f64` scalars as well as for arrays of any storage (owned, views, `ArcArray`,
//! `CowArray`, `ArrayRef`, references to these) and any dimension (`Ix0`..`Ix6`, `IxDyn`).
//!
//! One file per op family, as for the scalar rules:
//! - `value`: the [`Value`] trait and the type-erased forms; `cotangent`: [`Cotangent`] and
//!   [`CotRef`]; `target`: [`Target`] and its implementations; `broadcast`: [`unbroadcast`]
//!   and shape rules; `zips` and `lanes`: the elementwise kernels the rules share (row loops
//!   for broadcast operands);
//! - `arith`: `+ - * /` with broadcasting; `elementwise`: `a.sin()`, `a.powf(p)`, ...;
//! - `linalg`: `dot`, `t`; `reduce`: `sum`, `mean`, `var`, `std`, `fold_axis` max/min;
//! - `build`: arrays built from sequences (`Array1::from_vec`, `arr1`, `from_shape_vec`)
//!   and `assign` as a value;
//! - `shape`: `insert_axis`, reshapes, `concatenate`, `stack`; `index`: `row`, `column`,
//!   `index_axis`, `slice`, `a[idx]`; `map`: `mapv` with a differentiated closure;
//! - `kernels`: the AVX2 copies of the products' rank-1 update and `Wᵀx`; `outer`: rank-1
//!   updates gathered over a reverse loop ([`OuterBatch`]);
//! - the forward sweep's primal operations with ndarray's bits, faster: `stats`
//!   (`var_axis`, `std_axis`: [`FastStats`]) and `binops` (`&a op &b` with a broadcast right
//!   operand: [`FastArith`]).
//!
//! # Conventions
//! - A binary rule's first argument is its target: [`Same`] when the operand has the
//!   result's type, [`ToScalar`] when the operand is a scalar and the result an array, or
//!   `&operand`, which reduces the broadcast contribution to the operand's runtime shape
//!   (`(3, 4) + (4,)`: the `(4,)` operand gets the column sums).
//! - Zero is the empty marker array (see [`crate::traits::Zero`]); every rule maps a zero
//!   cotangent to zero without touching memory.
//! - Contributions that already have the operand's shape are returned without copying;
//!   elementwise rules work in `g`'s buffer.

mod arith;
mod binops;
mod broadcast;
mod build;
mod cotangent;
mod elementwise;
mod index;
mod kernels;
mod lanes;
mod linalg;
mod map;
mod outer;
mod reduce;
mod shape;
mod stats;
mod target;
mod value;
mod zips;

pub use arith::*;
pub use binops::FastArith;
pub use broadcast::{broadcasts_to, co_broadcast, unbroadcast, unbroadcast_view};
pub use build::*;
pub use cotangent::{CotRef, Cotangent};
pub use elementwise::*;
pub use index::*;
pub use linalg::*;
pub use map::*;
pub use outer::{OuterBatch, acc_dot_d0_batched, acc_dot_d1_batched, flush_outer};
pub use reduce::*;
pub use shape::*;
pub use stats::FastStats;
pub use target::{Same, ShapeOf, Target, ToScalar, shape_of_value};
pub use value::{ArrayValue, DynCot, DynVal, TensorFloat, Value, marker, shaped};
