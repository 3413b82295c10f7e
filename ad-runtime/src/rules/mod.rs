//! Derivative rules, one file per op family. Each rule is a partial VJP: given the primal
//! values it needs and the output cotangent `g`, it returns the cotangent contribution for
//! one operand. Rules are named `<op>_d<k>` for operand `k` (the receiver of a method is
//! operand 0), and take exactly the primal values listed in their comment, in that order,
//! then `g`. The macro's rule table (`ad-macros/src/rules.rs`) mirrors these signatures.
//!
//! Rules never materialise a Jacobian: each returns one cotangent of its operand's shape.

pub mod arith;
pub mod rows;
pub mod scalar;
pub mod slice;
pub mod tensor;
