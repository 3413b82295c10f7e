//! Semantics every mode shares: the catalog of operations with derivative rules
//! ([`rules`], the macro's view of `ad_runtime`'s rule table), the kinds of values
//! ([`kinds`]: scalar, array, sequence), and (in the analyses) activity and the checks that
//! reject what cannot be differentiated.

pub mod activity;
pub mod check;
pub mod kinds;
pub mod rules;

/// What a value is known to be (see [`kinds`]).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Kind {
    /// Not yet known (only during the fixed point).
    Bottom,
    /// `f64`, `f32` (or a reference to one).
    Scalar,
    /// An ndarray array or view.
    Array,
    /// A slice or `Vec` of scalars.
    SeqScalar,
    /// A slice or `Vec` of arrays.
    SeqArray,
    /// Integers, `bool`, ... (never differentiated).
    Other,
    /// Could be anything.
    Unknown,
}
