//! The stacks the reverse sweep pops.
//!
//! The forward sweep pushes a value only when the reverse sweep will need it and it would
//! otherwise be lost: the old value of an overwritten variable, a branch decision, a loop's
//! trip count, a value computed inside a loop body that cannot be recomputed cheaply, or a
//! callee's pullback. Each such variable gets its own typed stack (element type inferred by
//! rustc from the push), so pushes and pops are amortised O(1), with no boxing and no
//! per-operation closures. Memory grows by one element per push: for a loop, by the number of
//! recorded values in its body per iteration.
//!
//! # Reused memory
//!
//! A tape's memory, once it is at least [`POOLED_MIN_BYTES`] long, goes back to a per-thread
//! cache when the tape is dropped, and the next tape of the thread that needs that much
//! takes it from there (the smallest cached block that fits, of the same alignment; a tape
//! that finds none grows by reallocation, like a `Vec`). A
//! gradient evaluated again and again (an optimiser's loop) then records into memory that is
//! already mapped, instead of asking the system for fresh pages at every call and faulting
//! them in. The cache holds at most [`POOL_MAX_BLOCKS`] blocks and [`POOL_MAX_BYTES`] bytes
//! per thread (the smallest blocks are freed first), and is freed when the thread exits, or
//! by [`release_cache`].
//!
//! Smaller blocks (all of them 16-byte aligned and a power of two long, from 32 bytes) go to
//! a second per-thread cache of the last eight given back, which a tape takes from when one
//! is at least as long as it needs and at most four times that. A small differentiable
//! function called once per data point (a `logsumexp` over a few mixture components) then
//! records into the blocks its previous call used: two `Cell` updates per tape instead of a
//! `malloc` and a `free`.

use core::alloc::Layout;
use core::marker::PhantomData;
use core::mem;
use core::ptr::{self, NonNull};

/// Tape blocks at least this long are cached for reuse (smaller ones are left to the
/// allocator, which recycles them cheaply).
pub const POOLED_MIN_BYTES: usize = 4096;
/// At most this many blocks are cached per thread.
pub const POOL_MAX_BLOCKS: usize = 32;
/// At most this many bytes are cached per thread.
pub const POOL_MAX_BYTES: usize = 512 << 20;
/// Alignment of small tape blocks (and the least alignment of every tape block).
const SMALL_ALIGN: usize = 16;
/// The smallest tape block.
const SMALL_MIN_BYTES: usize = 32;
/// At most this many small blocks are kept per thread.
const SMALL_MAX_BLOCKS: usize = 8;

/// Whether the tapes of a dual-number pullback record (the type parameter `M` of
/// `f_hvp_pullback::<M>`, passed down through calls): `()` for second order, whose reverse
/// half runs; [`NoRecord`] for a JVP computed by the forward half alone.
pub trait Recording: 'static {
    /// Whether pushes keep their values.
    const RECORD: bool;
}

impl Recording for () {
    const RECORD: bool = true;
}

/// The [`Recording`] mode of a dual pullback run only for its value (`f_jvp` of array code):
/// its tapes keep nothing, so forward mode stores nothing; its reverse half must not run.
pub struct NoRecord;

impl Recording for NoRecord {
    const RECORD: bool = false;
}

/// A typed LIFO stack of values recorded by the forward sweep (`M`: whether it records, see
/// [`Recording`]; first-order code uses the default).
pub struct Tape<T, M = ()> {
    ptr: NonNull<T>,
    len: usize,
    cap: usize,
    /// Size of the allocated block (0: none).
    bytes: usize,
    _owns: PhantomData<T>,
    _mode: PhantomData<fn() -> M>,
}

// SAFETY: a `Tape<T>` owns its elements like a `Vec<T>`; its block is plain heap memory that
// any thread may free or cache.
unsafe impl<T: Send, M> Send for Tape<T, M> {}
// SAFETY: as for `Vec<T>`: shared access only reads.
unsafe impl<T: Sync, M> Sync for Tape<T, M> {}

impl<T> Default for Tape<T> {
    fn default() -> Self {
        Self::new()
    }
}

impl<T> Tape<T> {
    /// An empty tape (allocates nothing until the first push).
    #[inline(always)]
    pub fn new() -> Self {
        Self::in_mode()
    }
}

impl<T, M: Recording> Tape<T, M> {
    /// An empty tape of the mode `M` (what a dual pullback declares, generic over its mode).
    #[inline(always)]
    pub fn in_mode() -> Self {
        Self {
            ptr: NonNull::dangling(),
            len: 0,
            cap: if Self::ZST { usize::MAX } else { 0 },
            bytes: 0,
            _owns: PhantomData,
            _mode: PhantomData,
        }
    }

    /// Records a value.
    #[inline(always)]
    pub fn push(&mut self, value: T) {
        if !M::RECORD {
            return;
        }
        if self.len == self.cap {
            self.grow(1);
        }
        // SAFETY: `len < cap`, so the slot is inside the block (or `T` is zero-sized).
        unsafe { self.ptr.as_ptr().add(self.len).write(value) };
        self.len += 1;
    }

    /// Records a value in room made by [`Tape::reserve`]: the generated code calls it for the
    /// pushes of a loop body that the reservation before the loop counted. Unlike
    /// [`Tape::push`] it never grows the tape, so a loop that records and accumulates keeps
    /// its accumulator in a register (a possible call to the allocator would make the
    /// compiler keep it in memory).
    ///
    /// # Panics
    /// If there is no room: a bug in `ad-macros`, never in user code.
    #[inline(always)]
    pub fn push_reserved(&mut self, value: T) {
        if !M::RECORD {
            return;
        }
        if self.len >= self.cap {
            reservation_exceeded();
        }
        // SAFETY: `len < cap`, so the slot is inside the block (or `T` is zero-sized).
        unsafe { self.ptr.as_ptr().add(self.len).write(value) };
        self.len += 1;
    }

    /// Takes back the most recently recorded value.
    ///
    /// # Panics
    /// If the tape is empty, which means the generated reverse sweep does not mirror its
    /// forward sweep: a bug in `ad-macros`, never in user code.
    #[inline(always)]
    pub fn pop(&mut self) -> T {
        if self.len == 0 {
            tape_underflow();
        }
        self.len -= 1;
        // SAFETY: slot `len` holds an initialised value, which is moved out and no longer
        // counted.
        unsafe { self.ptr.as_ptr().add(self.len).read() }
    }

    /// Makes room for `additional` more values (the generated code calls it before a loop
    /// whose trip count is known, so the tape grows once instead of by doubling).
    #[inline]
    pub fn reserve(&mut self, additional: usize) {
        if M::RECORD && self.cap - self.len < additional {
            self.grow(additional);
        }
    }
}

impl<T, M> Tape<T, M> {
    const ZST: bool = mem::size_of::<T>() == 0;

    /// Number of recorded values.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether nothing is recorded.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    fn as_slice(&self) -> &[T] {
        // SAFETY: the first `len` slots are initialised.
        unsafe { core::slice::from_raw_parts(self.ptr.as_ptr(), self.len) }
    }

    /// Alignment of the tape's blocks: at least [`SMALL_ALIGN`], so that a small block can be
    /// reused by a tape of any element type of alignment up to it.
    const ALIGN: usize = if mem::align_of::<T>() > SMALL_ALIGN {
        mem::align_of::<T>()
    } else {
        SMALL_ALIGN
    };

    /// Moves the values to a block with room for `additional` more (at least double the
    /// capacity): a cached block if one fits, else the current block reallocated.
    #[cold]
    #[inline(never)]
    fn grow(&mut self, additional: usize) {
        assert!(!Self::ZST, "ad-runtime: tape capacity overflow");
        let cap = self
            .len
            .checked_add(additional)
            .map(|n| n.max(self.cap.saturating_mul(2)).max(4))
            .expect("ad-runtime: tape capacity overflow");
        let size = Layout::array::<T>(cap)
            .expect("ad-runtime: tape capacity overflow")
            .size();
        let small = size < POOLED_MIN_BYTES && Self::ALIGN == SMALL_ALIGN;
        let cached = if small {
            small::take(size)
        } else {
            Layout::from_size_align(size, Self::ALIGN)
                .ok()
                .and_then(pool::take)
        };
        let (block, bytes) = match cached {
            Some((block, bytes)) => {
                // SAFETY: the cached block holds at least `cap > len` values; the old block
                // holds `len` initialised values, moved (not copied) to the new one, which
                // does not overlap it. The old block is then given back (big blocks are
                // freed, not cached: a call's peak memory stays that of its final tapes).
                unsafe {
                    ptr::copy_nonoverlapping(
                        self.ptr.as_ptr(),
                        block.cast::<T>().as_ptr(),
                        self.len,
                    );
                    if self.bytes != 0 {
                        if self.bytes < POOLED_MIN_BYTES {
                            small::release(self.ptr.cast(), self.bytes, Self::ALIGN);
                        } else {
                            pool::free(self.ptr.cast(), self.bytes, Self::ALIGN);
                        }
                    }
                }
                (block, bytes)
            }
            None => {
                // Small blocks come in powers of two, so that tapes of nearby lengths can
                // reuse each other's.
                let size = if small {
                    size.next_power_of_two().max(SMALL_MIN_BYTES)
                } else {
                    size
                };
                let layout = Layout::from_size_align(size, Self::ALIGN)
                    .expect("ad-runtime: tape capacity overflow");
                // SAFETY: the current block (if any) was allocated with `self.bytes` bytes
                // and `Self::ALIGN`.
                unsafe { pool::resize(self.ptr.cast(), self.bytes, layout) }
            }
        };
        self.ptr = block.cast();
        self.cap = bytes / mem::size_of::<T>();
        self.bytes = bytes;
    }

    /// Gives the block back to the cache (its values must have been moved out or dropped).
    fn release(&mut self) {
        if self.bytes != 0 {
            // SAFETY: the block was allocated with this size and `Self::ALIGN`.
            unsafe {
                if self.bytes < POOLED_MIN_BYTES {
                    small::release(self.ptr.cast(), self.bytes, Self::ALIGN);
                } else {
                    pool::release(self.ptr.cast(), self.bytes, Self::ALIGN);
                }
            }
            self.bytes = 0;
        }
    }
}

impl<T, M> Drop for Tape<T, M> {
    fn drop(&mut self) {
        // SAFETY: the first `len` slots are initialised and dropped once here.
        unsafe {
            ptr::drop_in_place(ptr::slice_from_raw_parts_mut(self.ptr.as_ptr(), self.len));
        }
        self.release();
    }
}

impl<T: Clone, M: Recording> Clone for Tape<T, M> {
    fn clone(&self) -> Self {
        let mut t = Tape::in_mode();
        t.reserve(self.len);
        for v in self.as_slice() {
            t.push(v.clone());
        }
        t
    }
}

impl<T: core::fmt::Debug, M> core::fmt::Debug for Tape<T, M> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("Tape")
            .field("items", &self.as_slice())
            .finish()
    }
}

/// Frees the tape memory the current thread keeps for reuse (see the module documentation).
pub fn release_cache() {
    let blocks = pool::POOL.try_with(|p| mem::take(&mut *p.borrow_mut()));
    drop(blocks);
    small::clear();
}

/// Bytes of tape memory the current thread keeps for reuse.
pub fn cached_bytes() -> usize {
    pool::POOL.try_with(|p| p.borrow().total).unwrap_or(0) + small::cached_bytes()
}

#[cold]
#[inline(never)]
fn reservation_exceeded() -> ! {
    panic!(
        "ad-runtime: tape reservation exceeded (a loop recorded more values than it reserved room for); this is a bug in ad-macros, please report it"
    )
}

#[cold]
#[inline(never)]
fn tape_underflow() -> ! {
    panic!(
        "ad-runtime: tape underflow (the reverse sweep popped more than the forward sweep pushed); this is a bug in ad-macros, please report it"
    )
}

/// The per-thread cache of small tape blocks (below [`POOLED_MIN_BYTES`], all of alignment
/// [`SMALL_ALIGN`]): a short stack of the blocks most recently given back, so that a small
/// differentiable function called again and again (once per data point of a loop) records
/// into the blocks its previous call used, without a trip through the allocator per tape.
mod small {
    use super::{SMALL_ALIGN, SMALL_MAX_BLOCKS};
    use core::alloc::Layout;
    use core::cell::Cell;
    use core::ptr::{self, NonNull};
    use std::alloc;

    struct Cache {
        len: Cell<usize>,
        blocks: [Cell<(*mut u8, usize)>; SMALL_MAX_BLOCKS],
    }

    impl Cache {
        fn free_all(&self) {
            for k in 0..self.len.replace(0) {
                let (p, bytes) = self.blocks[k].replace((ptr::null_mut(), 0));
                // SAFETY: every cached block was allocated with this size and alignment.
                unsafe { alloc::dealloc(p, Layout::from_size_align_unchecked(bytes, SMALL_ALIGN)) };
            }
        }
    }

    impl Drop for Cache {
        fn drop(&mut self) {
            self.free_all();
        }
    }

    thread_local! {
        static CACHE: Cache = const {
            Cache {
                len: Cell::new(0),
                blocks: [const { Cell::new((ptr::null_mut(), 0)) }; SMALL_MAX_BLOCKS],
            }
        };
    }

    /// A cached block of at least `size` bytes (and at most four times that, so that a short
    /// tape does not hold a long one's block), with its size.
    #[inline]
    pub(super) fn take(size: usize) -> Option<(NonNull<u8>, usize)> {
        CACHE
            .try_with(|c| {
                let n = c.len.get();
                // The most recently given back first.
                for k in (0..n).rev() {
                    let (p, bytes) = c.blocks[k].get();
                    if bytes >= size && bytes / 4 <= size {
                        c.blocks[k].set(c.blocks[n - 1].get());
                        c.len.set(n - 1);
                        return NonNull::new(p).map(|p| (p, bytes));
                    }
                }
                None
            })
            .ok()
            .flatten()
    }

    /// Keeps a block for reuse, or frees it when the cache is full (or gone, at thread exit).
    ///
    /// # Safety
    /// `ptr` was allocated with `bytes` bytes and alignment `align`, and is not used
    /// afterwards.
    #[inline]
    pub(super) unsafe fn release(ptr: NonNull<u8>, bytes: usize, align: usize) {
        let kept = align == SMALL_ALIGN
            && CACHE
                .try_with(|c| {
                    let n = c.len.get();
                    if n < SMALL_MAX_BLOCKS {
                        c.blocks[n].set((ptr.as_ptr(), bytes));
                        c.len.set(n + 1);
                        true
                    } else {
                        false
                    }
                })
                .unwrap_or(false);
        if !kept {
            // SAFETY: per this function's contract.
            unsafe {
                alloc::dealloc(
                    ptr.as_ptr(),
                    Layout::from_size_align_unchecked(bytes, align),
                )
            };
        }
    }

    /// Frees the cached blocks.
    pub(super) fn clear() {
        let _ = CACHE.try_with(Cache::free_all);
    }

    /// Bytes held by the cache.
    pub(super) fn cached_bytes() -> usize {
        CACHE
            .try_with(|c| (0..c.len.get()).map(|k| c.blocks[k].get().1).sum())
            .unwrap_or(0)
    }
}

/// The per-thread cache of tape blocks.
mod pool {
    use super::{POOL_MAX_BLOCKS, POOL_MAX_BYTES, POOLED_MIN_BYTES};
    use core::alloc::Layout;
    use core::ptr::NonNull;
    use std::alloc;
    use std::cell::RefCell;

    pub(super) struct Block {
        ptr: NonNull<u8>,
        bytes: usize,
        align: usize,
    }

    impl Block {
        fn free(self) {
            // SAFETY: every cached block was allocated with exactly this size and alignment.
            unsafe {
                alloc::dealloc(
                    self.ptr.as_ptr(),
                    Layout::from_size_align_unchecked(self.bytes, self.align),
                )
            };
        }
    }

    #[derive(Default)]
    pub(super) struct Pool {
        pub(super) blocks: Vec<Block>,
        pub(super) total: usize,
    }

    impl Drop for Pool {
        fn drop(&mut self) {
            for b in self.blocks.drain(..) {
                b.free();
            }
        }
    }

    thread_local! {
        pub(super) static POOL: RefCell<Pool> = RefCell::new(Pool::default());
    }

    /// The smallest cached block that fits `layout`, with its size.
    pub(super) fn take(layout: Layout) -> Option<(NonNull<u8>, usize)> {
        if layout.size() < POOLED_MIN_BYTES {
            return None;
        }
        POOL.try_with(|p| {
            let mut p = p.borrow_mut();
            let best = p
                .blocks
                .iter()
                .enumerate()
                .filter(|(_, b)| b.align == layout.align() && b.bytes >= layout.size())
                .min_by_key(|(_, b)| b.bytes)
                .map(|(k, _)| k)?;
            let b = p.blocks.swap_remove(best);
            p.total -= b.bytes;
            Some((b.ptr, b.bytes))
        })
        .ok()
        .flatten()
    }

    /// A block for `layout` (non-zero size): `old` (of `old_bytes` bytes, 0 for none)
    /// reallocated, or a new one.
    ///
    /// # Safety
    /// `old`, if `old_bytes != 0`, was allocated with `old_bytes` bytes and `layout`'s
    /// alignment, and is not used afterwards.
    pub(super) unsafe fn resize(
        old: NonNull<u8>,
        old_bytes: usize,
        layout: Layout,
    ) -> (NonNull<u8>, usize) {
        let p = if old_bytes == 0 {
            // SAFETY: `layout` has a non-zero size (`Tape` never asks for zero-sized blocks).
            unsafe { alloc::alloc(layout) }
        } else {
            // SAFETY: per this function's contract; the new size is non-zero and valid for
            // the alignment (it comes from a `Layout`).
            unsafe {
                alloc::realloc(
                    old.as_ptr(),
                    Layout::from_size_align_unchecked(old_bytes, layout.align()),
                    layout.size(),
                )
            }
        };
        match NonNull::new(p) {
            Some(p) => (p, layout.size()),
            None => alloc::handle_alloc_error(layout),
        }
    }

    /// Frees a block.
    ///
    /// # Safety
    /// `ptr` was allocated with `bytes` bytes and alignment `align`, and is not used
    /// afterwards.
    pub(super) unsafe fn free(ptr: NonNull<u8>, bytes: usize, align: usize) {
        Block { ptr, bytes, align }.free();
    }

    /// Gives a block back: cached if it is big enough and fits the limits (evicting the
    /// smallest cached blocks first), freed otherwise.
    ///
    /// # Safety
    /// `ptr` was allocated with `bytes` bytes and alignment `align`, and is not used
    /// afterwards.
    pub(super) unsafe fn release(ptr: NonNull<u8>, bytes: usize, align: usize) {
        let block = Block { ptr, bytes, align };
        if !(POOLED_MIN_BYTES..=POOL_MAX_BYTES).contains(&bytes) {
            block.free();
            return;
        }
        let mut block = Some(block);
        let _ = POOL.try_with(|p| {
            let mut p = p.borrow_mut();
            let b = block.take().unwrap();
            p.total += b.bytes;
            p.blocks.push(b);
            while p.blocks.len() > POOL_MAX_BLOCKS || p.total > POOL_MAX_BYTES {
                let smallest = (0..p.blocks.len())
                    .min_by_key(|k| p.blocks[*k].bytes)
                    .unwrap();
                let b = p.blocks.swap_remove(smallest);
                p.total -= b.bytes;
                b.free();
            }
        });
        // The thread's cache is gone (thread exit): free it now.
        if let Some(b) = block {
            b.free();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::rc::Rc;

    #[test]
    fn push_pop_in_lifo_order_across_growth() {
        let mut t = Tape::new();
        for k in 0..10_000u64 {
            t.push(k);
        }
        assert_eq!(t.len(), 10_000);
        for k in (0..10_000u64).rev() {
            assert_eq!(t.pop(), k);
        }
        assert!(t.is_empty());
    }

    #[test]
    fn reserve_then_push() {
        let mut t: Tape<f64> = Tape::new();
        t.reserve(1000);
        for k in 0..1000 {
            t.push(k as f64);
        }
        t.reserve(10);
        t.push(-1.0);
        assert_eq!(t.pop(), -1.0);
        assert_eq!(t.pop(), 999.0);
    }

    #[test]
    fn push_reserved_within_the_reservation() {
        let mut t: Tape<f64> = Tape::new();
        t.push(0.5);
        t.reserve(3);
        for k in 0..3 {
            t.push_reserved(k as f64);
        }
        assert_eq!(t.pop(), 2.0);
        let mut z = Tape::new();
        z.push_reserved(());
        z.pop();
    }

    #[test]
    #[should_panic(expected = "reservation exceeded")]
    fn push_reserved_past_the_reservation_panics() {
        let mut t: Tape<u16> = Tape::new();
        t.reserve(2);
        for k in 0..100 {
            t.push_reserved(k);
        }
    }

    #[test]
    fn zero_sized_values() {
        let mut t = Tape::new();
        for _ in 0..100 {
            t.push(());
        }
        for _ in 0..100 {
            t.pop();
        }
        assert!(t.is_empty());
    }

    #[test]
    fn values_left_on_the_tape_are_dropped() {
        let rc = Rc::new(5);
        {
            let mut t = Tape::new();
            for _ in 0..3000 {
                t.push(rc.clone());
            }
            assert_eq!(Rc::strong_count(&rc), 3001);
            drop(t.pop());
            assert_eq!(Rc::strong_count(&rc), 3000);
        }
        assert_eq!(Rc::strong_count(&rc), 1);
    }

    #[test]
    #[should_panic(expected = "tape underflow")]
    fn underflow_panics() {
        let mut t: Tape<u8> = Tape::new();
        t.push(1);
        t.pop();
        t.pop();
    }

    #[test]
    fn clone_and_debug() {
        let mut t = Tape::new();
        t.push(1);
        t.push(2);
        let mut c = t.clone();
        assert_eq!(format!("{t:?}"), "Tape { items: [1, 2] }");
        assert_eq!(c.pop(), 2);
        assert_eq!(t.len(), 2);
    }

    #[test]
    fn blocks_are_reused_by_the_next_tape() {
        release_cache();
        let n = 100_000;
        let first = {
            let mut t: Tape<f64> = Tape::new();
            t.reserve(n);
            t.push(1.0);
            t.ptr.as_ptr() as usize
        };
        assert!(cached_bytes() >= n * 8);
        let mut t: Tape<u64> = Tape::new();
        t.reserve(n);
        t.push(7);
        assert_eq!(
            t.ptr.as_ptr() as usize,
            first,
            "the cached block is taken again"
        );
        assert_eq!(t.pop(), 7);
        drop(t);
        release_cache();
        assert_eq!(cached_bytes(), 0);
    }

    #[test]
    fn grows_past_a_cached_block() {
        release_cache();
        {
            let mut t: Tape<u32> = Tape::new();
            t.reserve(2000);
            t.push(0);
        }
        // Takes the cached 8000-byte block at its first growth past 4 KiB, then outgrows it
        // (reallocated) and keeps every value.
        let mut t: Tape<u32> = Tape::new();
        for k in 0..50_000 {
            t.push(k);
        }
        for k in (0..50_000).rev() {
            assert_eq!(t.pop(), k);
        }
        drop(t);
        release_cache();
    }

    #[test]
    fn small_blocks_are_reused_by_the_next_small_tape() {
        release_cache();
        let first = {
            let mut t: Tape<f64> = Tape::new();
            t.reserve(5);
            t.push_reserved(1.0);
            t.ptr.as_ptr() as usize
        };
        assert!(cached_bytes() >= 40);
        // Another element type, a length within the cached block: the same block.
        let mut t: Tape<(u32, u32)> = Tape::new();
        for k in 0..4 {
            t.push((k, k + 1));
        }
        assert_eq!(t.ptr.as_ptr() as usize, first);
        for k in (0..4).rev() {
            assert_eq!(t.pop(), (k, k + 1));
        }
        drop(t);
        // A much shorter tape does not take a block four times too long.
        {
            let mut long: Tape<u8> = Tape::new();
            long.reserve(1000);
            long.push(1);
        }
        let mut short: Tape<u8> = Tape::new();
        short.push(2);
        assert!(short.cap < 1000);
        drop(short);
        release_cache();
        assert_eq!(cached_bytes(), 0);
    }

    #[test]
    fn small_cache_is_bounded_and_over_aligned_values_work() {
        #[derive(Clone, Copy, Debug, PartialEq)]
        #[repr(align(64))]
        struct Wide(u64);
        release_cache();
        let mut tapes: Vec<Tape<u64>> = (0..3 * SMALL_MAX_BLOCKS)
            .map(|k| {
                let mut t = Tape::new();
                t.push(k as u64);
                t
            })
            .collect();
        for (k, t) in tapes.iter_mut().enumerate() {
            assert_eq!(t.pop(), k as u64);
        }
        drop(tapes);
        assert!(cached_bytes() <= SMALL_MAX_BLOCKS * 64);
        let mut w = Tape::new();
        for k in 0..100 {
            w.push(Wide(k));
            assert_eq!(w.ptr.as_ptr() as usize % 64, 0);
        }
        for k in (0..100).rev() {
            assert_eq!(w.pop(), Wide(k));
        }
        drop(w);
        release_cache();
    }

    #[test]
    fn cache_limits() {
        release_cache();
        for k in 0..2 * POOL_MAX_BLOCKS {
            let mut t: Tape<u8> = Tape::new();
            t.reserve(POOLED_MIN_BYTES + k);
            t.push(1);
        }
        assert!(cached_bytes() <= POOL_MAX_BYTES);
        let held = pool::POOL.with(|p| p.borrow().blocks.len());
        assert!(held <= POOL_MAX_BLOCKS);
        release_cache();
    }
}
