//! The front end, shared by every mode: the signature and the attribute's arguments
//! ([`signature`](signature::signature)), rewrites of everyday syntax (`rewrite`: slice
//! accessors, `map_axis`, `Zip`), desugaring (`desugar`, and `iterchain` for iterator chains), and lowering the body to
//! the IR ([`lower`], with statements, control flow, expressions and calls in their own files).

#[macro_use]
mod desugar;
mod bind;
mod call;
mod checkpoint;
mod closures;
mod control;
mod expr;
pub(crate) mod inplace;
mod iterchain;
mod lower;
mod places;
mod rewrite;
mod signature;
mod stmt;
mod syntax;

pub(crate) use checkpoint::strip_attrs as strip_checkpoint;
pub(crate) use lower::lower;
pub(crate) use signature::{
    Args, Custom, Param, Signature, is_constant_type, is_struct_type, ndarray_element,
    sequence_element, signature,
};
pub(crate) use syntax::{
    float_param, is_runtime_path, mentions_ident, misread, strip, ungroup, unraw,
};
