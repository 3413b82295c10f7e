//! The front end, shared by every mode: the signature and the attribute's arguments
//! ([`signature`]), desugaring ([`desugar`]), and lowering the body to the IR ([`lower`],
//! with statements, control flow, expressions and calls in their own files).

mod call;
mod control;
pub(crate) mod desugar;
mod expr;
mod lower;
mod signature;
mod stmt;
pub(crate) mod syntax;

pub(crate) use lower::lower;
pub(crate) use signature::{Args, Param, Signature, is_constant_type, signature};
pub(crate) use syntax::strip;
