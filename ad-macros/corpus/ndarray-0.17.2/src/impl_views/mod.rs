mod constructors;
mod conversions;
mod indexing;
mod splitting;

pub use indexing::*;
