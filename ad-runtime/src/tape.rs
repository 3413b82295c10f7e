//! The stacks the reverse sweep pops.
//!
//! The forward sweep pushes a value only when the reverse sweep will need it and it would
//! otherwise be lost: the old value of an overwritten variable, a branch decision, a loop's
//! trip count, a value computed inside a loop body that cannot be recomputed cheaply, or a
//! callee's pullback. Each such variable gets its own typed stack (a `Vec` whose element
//! type rustc infers from the push), so pushes and pops are amortised O(1), with no boxing
//! and no per-operation closures. Memory grows by one element per push: for a loop, by the
//! number of recorded values in its body per iteration.

/// A typed LIFO stack of values recorded by the forward sweep.
#[derive(Debug, Clone)]
pub struct Tape<T> {
    items: Vec<T>,
}

impl<T> Default for Tape<T> {
    fn default() -> Self {
        Self::new()
    }
}

impl<T> Tape<T> {
    /// An empty tape (allocates nothing until the first push).
    #[inline(always)]
    pub fn new() -> Self {
        Self { items: Vec::new() }
    }

    /// Records a value.
    #[inline(always)]
    pub fn push(&mut self, value: T) {
        self.items.push(value);
    }

    /// Takes back the most recently recorded value.
    ///
    /// # Panics
    /// If the tape is empty, which means the generated reverse sweep does not mirror its
    /// forward sweep: a bug in `ad-macros`, never in user code.
    #[inline(always)]
    pub fn pop(&mut self) -> T {
        match self.items.pop() {
            Some(v) => v,
            None => tape_underflow(),
        }
    }

    /// Makes room for `additional` more values (the generated code calls it before a loop
    /// whose trip count is known, so the tape grows once instead of by doubling).
    #[inline]
    pub fn reserve(&mut self, additional: usize) {
        self.items.reserve(additional);
    }

    /// Number of recorded values.
    pub fn len(&self) -> usize {
        self.items.len()
    }

    /// Whether nothing is recorded.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }
}

#[cold]
#[inline(never)]
fn tape_underflow() -> ! {
    panic!(
        "ad-runtime: tape underflow (the reverse sweep popped more than the forward sweep pushed); this is a bug in ad-macros, please report it"
    )
}
